package dev.anneal.field;

import dev.anneal.djl.Model;
import dev.anneal.lab.Mode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** S27 in the field: augmentation strength in counter-phase with a cyclical LR, against none and a constant strength of the same mean. */
final class S27AugmentCounterPhase extends FieldStudy {
    static final String LR = "  lr: cyclic(0.01, 0.1, up=12.5%)\n  momentum: 0.9\n";

    @Override public String id() { return "S27F"; }
    @Override String fieldTitle() { return "augmentation counter-phase"; }
    @Override public String source() { return "002"; }

    @Override
    public String claim() {
        return "Augmentation strength in counter-phase with the LR keeps exploration roughly constant and generalises better than "
                + "either alone (the LR cycle without augmentation, or augmentation at a constant strength).";
    }

    @Override
    FieldRun training(Mode mode) {
        return FieldRun.of(mode, new FieldRun(Model.MLP, 6000, 2000, 100, 10, 16), new FieldRun(Model.MLP, 300, 200, 50, 1, 3));
    }

    @Override
    Map<String, String> arms() {
        Map<String, String> arms = new LinkedHashMap<>();
        arms.put("counter-phase", "defaults:\n" + LR + "  augment: rescale(counter(lr), min=0, max=0.6)\n");
        arms.put("no augmentation", "defaults:\n" + LR);
        arms.put("constant 0.3", "defaults:\n" + LR + "  augment: 0.3\n");
        return arms;
    }

    @Override
    List<String> comparisons() {
        return List.of("no augmentation", "constant 0.3");
    }

    @Override
    public String metric() {
        return "test error at the end (lower is better); differences are paired by seed.";
    }

    @Override
    double measure(FieldRun.Outcome o) {
        return o.testError();
    }
}
