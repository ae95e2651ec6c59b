package dev.anneal.field;

import dev.anneal.djl.Model;
import dev.anneal.lab.Mode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** S30 in the field: label smoothing α on a cosine from 0.2 to 0, against a fixed α of the same mean (0.1). */
final class S30LabelSmoothingCosine extends FieldStudy {
    static final String LR = "  lr: cosine(0.1, 100%)\n  momentum: 0.9\n";

    @Override public String id() { return "S30F"; }
    @Override String fieldTitle() { return "label smoothing on a cosine"; }
    @Override public String source() { return "002"; }

    @Override
    public String claim() {
        return "Label smoothing α(t) on a cosine schedule (strong early, weak late) balances calibration and accuracy better than a fixed α.";
    }

    @Override
    FieldRun training(Mode mode) {
        return FieldRun.of(mode, new FieldRun(Model.MLP, 6000, 2000, 100, 8, 8), new FieldRun(Model.MLP, 300, 200, 50, 1, 2));
    }

    @Override
    Map<String, String> arms() {
        Map<String, String> arms = new LinkedHashMap<>();
        arms.put("cosine 0.2 → 0", "defaults:\n" + LR + "  label_smoothing: cosine(0.2, 100%)\n");
        arms.put("fixed 0.1", "defaults:\n" + LR + "  label_smoothing: 0.1\n");
        return arms;
    }

    @Override
    List<String> comparisons() {
        return List.of("fixed 0.1");
    }

    @Override
    public String metric() {
        return "test negative log-likelihood (unsmoothed cross-entropy: a proper score, so it rewards accuracy and calibration together; "
                + "lower is better); test error and expected calibration error (15 bins) are shown too. Differences are paired by seed.";
    }

    @Override
    double measure(FieldRun.Outcome o) {
        return o.testLoss();
    }

    @Override
    Map<String, Double> extras(FieldRun.Outcome o) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("test error", o.testError());
        m.put("ECE", o.calibrationError());
        return m;
    }
}
