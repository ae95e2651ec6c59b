package dev.anneal.djl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one optimizer update applied and measured: its step, the epoch, the mean training loss and accuracy of
 * its micro-batches, and every hyperparameter it read.
 */
public record Step(long step, int epoch, double loss, double accuracy, Map<String, Double> hyperparameters) {
    public Step {
        hyperparameters = Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters)); // keeps the column order
    }

    /** The lr applied: column {@code lr} with one group, the first group's {@code group.lr} with several; NaN if none. */
    public double lr() {
        Double lr = hyperparameters.get("lr");
        if (lr != null) return lr;
        for (Map.Entry<String, Double> e : hyperparameters.entrySet()) if (e.getKey().endsWith(".lr")) return e.getValue();
        return Double.NaN;
    }
}
