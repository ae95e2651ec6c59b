package dev.anneal.field;

import dev.anneal.djl.Model;
import dev.anneal.lab.Mode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** S29 in the field: dropout lowest at the LR's peaks, against a constant rate of the same mean. */
final class S29DropoutCounterPhase extends FieldStudy {
    static final String LR = "  lr: cyclic(0.01, 0.15, up=12.5%)\n  momentum: 0.9\n";

    @Override public String id() { return "S29F"; }
    @Override String fieldTitle() { return "dropout counter-phase"; }
    @Override public String source() { return "002"; }

    @Override
    public String claim() {
        return "Dropout in counter-phase with a cyclical LR (low dropout at the LR's peaks) improves stability.";
    }

    @Override
    FieldRun training(Mode mode) {
        return FieldRun.of(mode, new FieldRun(Model.MLP, 6000, 2000, 100, 8, 16), new FieldRun(Model.MLP, 300, 200, 50, 1, 4));
    }

    @Override
    Map<String, String> arms() {
        Map<String, String> arms = new LinkedHashMap<>();
        arms.put("counter-phase", "defaults:\n" + LR + "  dropout: rescale(counter(lr), min=0, max=0.5)\n");
        arms.put("constant 0.25", "defaults:\n" + LR + "  dropout: 0.25\n");
        arms.put("in phase", "defaults:\n" + LR + "  dropout: rescale(lr, min=0, max=0.5)\n");
        return arms;
    }

    @Override
    List<String> comparisons() {
        return List.of("constant 0.25", "in phase");
    }

    @Override
    public String metric() {
        return "instability: the mean absolute change of the test loss between successive evaluations (16 over the run) in the "
                + "second half (lower is better); the final test error is shown too. Differences are paired by seed.";
    }

    @Override
    double measure(FieldRun.Outcome o) {
        double[] c = o.testLossCurve();
        double sum = 0;
        int n = 0;
        for (int i = Math.max(1, c.length / 2); i < c.length; i++, n++) sum += Math.abs(c[i] - c[i - 1]);
        return sum / n;
    }

    @Override
    Map<String, Double> extras(FieldRun.Outcome o) {
        return Map.of("test error", o.testError());
    }
}
