package dev.anneal.schedule;

/**
 * Bounds on a schedule's values over all steps: every value lies in [min, max]. Tight for the native families,
 * a safe over-approximation for compositions. Infinite ends mean unbounded.
 */
public record Range(double min, double max) {
    public static final Range UNBOUNDED = new Range(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    public Range {
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw InvalidInputException.of("range [" + min + ", " + max + "] must have min <= max");
        }
    }

    public static Range point(double v) {
        return new Range(v, v);
    }

    /** The smallest range holding every given value. */
    public static Range hull(double... values) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return new Range(lo, hi);
    }

    /** Values v·g^n for n = 0, 1, 2, …: the closure of a geometric sequence. */
    static Range geometric(double v, double g) {
        if (g < 1 || v == 0) return hull(v, 0);
        if (g == 1) return point(v);
        return v > 0 ? new Range(v, Double.POSITIVE_INFINITY) : new Range(Double.NEGATIVE_INFINITY, v);
    }

    public boolean bounded() {
        return Double.isFinite(min) && Double.isFinite(max);
    }

    public Range union(Range other) {
        return new Range(Math.min(min, other.min), Math.max(max, other.max));
    }

    public Range scale(double c) {
        return hull(mul(c, min), mul(c, max));
    }

    /** Interval product; 0·∞ counts as 0 (a zero factor stays zero). */
    public Range times(Range o) {
        return hull(mul(min, o.min), mul(min, o.max), mul(max, o.min), mul(max, o.max));
    }

    public Range clamp(double lo, double hi) {
        return new Range(Math.min(Math.max(min, lo), hi), Math.min(Math.max(max, lo), hi));
    }

    private static double mul(double a, double b) {
        return a == 0 || b == 0 ? 0 : a * b;
    }

    @Override
    public String toString() {
        return "[" + min + ", " + max + "]";
    }
}
