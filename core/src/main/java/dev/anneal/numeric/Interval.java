package dev.anneal.numeric;

/**
 * An estimate with a two-sided confidence interval {@code [low, high]} at confidence {@code level} (0.95 for 95%).
 */
public record Interval(double estimate, double low, double high, double level) {

    public boolean contains(double value) {
        return value >= low && value <= high;
    }

    public double halfWidth() {
        return (high - low) / 2;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%.6g [%.6g, %.6g] (%.0f%%)", estimate, low, high, 100 * level);
    }
}
