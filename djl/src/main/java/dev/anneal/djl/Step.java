package dev.anneal.djl;

import dev.anneal.optim.grad.GradState;
import dev.anneal.optim.grad.Verdict;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one optimizer step applied and measured: its step, the epoch, the mean training loss and accuracy of its
 * micro-batches, every hyperparameter it read, the gradient pipeline's verdict (applied or skipped, the loss scale
 * the gradients were computed with) and its counters after the step. Verdict and counters are null for a run with
 * DJL's own optimizer.
 */
public record Step(long step, int epoch, double loss, double accuracy, Map<String, Double> hyperparameters,
                   Verdict verdict, GradState gradients) {
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
