package dev.anneal.field;

import dev.anneal.djl.Model;
import dev.anneal.lab.Mode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** S28 in the field: weight decay on the LR's cycle, shifted by Δ ∈ {0, ¼, ½, ¾} cycle, and a constant decay of the same mean. */
final class S28WeightDecayPhase extends FieldStudy {
    static final String LR = "  lr: cyclic(0.01, 0.1, up=12.5%)\n  momentum: 0.9\n"; // a cycle is 25% of the run

    @Override public String id() { return "S28F"; }
    @Override String fieldTitle() { return "weight decay phase sweep"; }
    @Override public String source() { return "002"; }

    @Override
    public String claim() {
        return "Weight decay on a cycle phase-shifted by Δ from the LR: sweeping Δ finds an optimum; decay high while the LR is high "
                + "(Δ = 0) helps, so in phase beats anti-phase and a constant decay.";
    }

    @Override
    FieldRun training(Mode mode) {
        return FieldRun.of(mode, new FieldRun(Model.MLP, 6000, 2000, 100, 8, 16), new FieldRun(Model.MLP, 300, 200, 50, 1, 3));
    }

    private static String decay(String shift) {
        return "defaults:\n" + LR + "  weight_decay: rescale(shift(lr, " + shift + "), min=0, max=0.01)\n";
    }

    @Override
    Map<String, String> arms() {
        Map<String, String> arms = new LinkedHashMap<>();
        arms.put("Δ = 0 (in phase)", decay("0"));
        arms.put("Δ = ¼ cycle", decay("6.25%"));
        arms.put("Δ = ½ cycle (anti-phase)", decay("12.5%"));
        arms.put("Δ = ¾ cycle", decay("18.75%"));
        arms.put("constant 0.005", "defaults:\n" + LR + "  weight_decay: 0.005\n");
        return arms;
    }

    @Override
    List<String> comparisons() {
        return List.of("Δ = ½ cycle (anti-phase)", "constant 0.005");
    }

    @Override
    public String metric() {
        return "test error at the end (lower is better) for every Δ of the sweep; differences are paired by seed.";
    }

    @Override
    double measure(FieldRun.Outcome o) {
        return o.testError();
    }
}
