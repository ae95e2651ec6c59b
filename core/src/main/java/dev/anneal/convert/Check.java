package dev.anneal.convert;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What comparing a conversion with its source found: the steps compared and the first step where they differ, if
 * any. Steps where the source itself raises (PyTorch's OneCycleLR past total_steps) are not compared.
 */
public record Check(String steps, Optional<Difference> difference, OptionalLong sourceRaisesAt) {

    /** Relative tolerance: |a − b| ≤ 1e-12·max(|a|, |b|). */
    public static final double RELATIVE = 1e-12;
    /**
     * Absolute slack, as a share of the largest |value| of the source: near a zero of the schedule (the bottom of a
     * cosine) 1 + cos(x) keeps no relative precision, and two correct closed forms differ by a few ulps of the peak.
     */
    public static final double SLACK = 1e-15;

    /** The first step where the two differ: the source's value and the conversion's, or what the conversion raised. */
    public record Difference(long step, double expected, double actual, String raised) {
        public String describe(String source, String conversion) {
            if (raised != null) return "at step " + step + " " + source + " gives " + expected + " but " + conversion + " raises: " + raised;
            return "at step " + step + " " + source + " gives " + expected + " but " + conversion + " gives " + actual
                    + " (relative difference " + String.format("%.1e", Math.abs(actual - expected) / Math.max(Math.abs(expected), Math.abs(actual))) + ")";
        }
    }

    public boolean passed() {
        return difference.isEmpty();
    }

    /** Equal within {@link #RELATIVE} of the larger, or within {@link #SLACK} of the peak, or both NaN. */
    public static boolean agree(double expected, double actual, double peak) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) return Double.isNaN(expected) && Double.isNaN(actual);
        double diff = Math.abs(actual - expected);
        return diff <= RELATIVE * Math.max(Math.abs(expected), Math.abs(actual)) || diff <= SLACK * peak || expected == actual;
    }
}
