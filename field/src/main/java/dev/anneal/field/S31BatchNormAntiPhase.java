package dev.anneal.field;

import dev.anneal.djl.Model;
import dev.anneal.lab.Mode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * S31 in the field: BatchNorm momentum β (the batch's weight) low while a cyclical LR is high, against a constant
 * β of the same mean and a constant β at the anti-phase arm's final value (the run ends where the LR is lowest).
 */
final class S31BatchNormAntiPhase extends FieldStudy {
    static final String LR = "  lr: cyclic(0.01, 0.1, up=12.5%)\n  momentum: 0.9\n";

    @Override public String id() { return "S31F"; }
    @Override String fieldTitle() { return "BatchNorm momentum anti-phase"; }
    @Override public String source() { return "002"; }

    @Override
    public String claim() {
        return "BatchNorm running-statistics momentum in anti-phase with a cyclical LR reduces the train/test statistics mismatch.";
    }

    @Override
    FieldRun training(Mode mode) {
        return FieldRun.of(mode, new FieldRun(Model.CNN, 2000, 1000, 100, 3, 4), new FieldRun(Model.CNN, 200, 100, 50, 1, 2));
    }

    @Override
    Map<String, String> arms() {
        Map<String, String> arms = new LinkedHashMap<>();
        arms.put("anti-phase", "defaults:\n" + LR + "  bn_momentum: rescale(counter(lr), min=0.02, max=0.3)\n");
        arms.put("constant 0.16", "defaults:\n" + LR + "  bn_momentum: 0.16\n");
        arms.put("constant 0.3", "defaults:\n" + LR + "  bn_momentum: 0.3\n");
        return arms;
    }

    @Override
    List<String> comparisons() {
        return List.of("constant 0.16", "constant 0.3");
    }

    @Override
    public String metric() {
        return "statistics mismatch: |test loss with the running statistics − test loss with each batch's own statistics| (batches of "
                + "1000) at the end (lower is better); the test error is shown too. Differences are paired by seed.";
    }

    @Override
    double measure(FieldRun.Outcome o) {
        return o.bnMismatch();
    }

    @Override
    Map<String, Double> extras(FieldRun.Outcome o) {
        return Map.of("test error", o.testError());
    }
}
