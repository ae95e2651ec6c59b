package dev.anneal.lab;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What one seed of a study produced: the metric per arm, and the curves for the figure. */
public final class Trial {
    private final Map<String, Double> metrics = new LinkedHashMap<>();
    private final Map<String, Curve> curves = new LinkedHashMap<>();
    private final Map<String, Double> budgets = new LinkedHashMap<>();

    /** Records the metric of {@code arm}; NaN and infinities are rejected (a study maps divergence to a finite value). */
    public Trial metric(String arm, double value) {
        if (!Double.isFinite(value)) throw new IllegalStateException("metric of arm '" + arm + "' is " + value + ": a study must report a finite number");
        if (metrics.putIfAbsent(arm, value) != null) throw new IllegalStateException("arm '" + arm + "' recorded twice");
        return this;
    }

    public Trial curve(String label, Curve curve) {
        if (curves.putIfAbsent(label, curve) != null) throw new IllegalStateException("curve '" + label + "' recorded twice");
        return this;
    }

    public Trial curve(String label, double[] y) {
        return curve(label, Curve.of(y));
    }

    /** Records the movement budget Σηₜ an arm spent ({@link Budget#sum}), shown beside its metric. */
    public Trial budget(String arm, double sum) {
        if (!Double.isFinite(sum)) throw new IllegalStateException("budget of arm '" + arm + "' is " + sum);
        if (budgets.putIfAbsent(arm, sum) != null) throw new IllegalStateException("budget of arm '" + arm + "' recorded twice");
        return this;
    }

    public Map<String, Double> budgets() {
        return Collections.unmodifiableMap(budgets);
    }

    public Map<String, Double> metrics() {
        return Collections.unmodifiableMap(metrics);
    }

    public Map<String, Curve> curves() {
        return Collections.unmodifiableMap(curves);
    }
}
