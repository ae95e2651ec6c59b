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
}
