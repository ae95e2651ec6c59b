package dev.anneal.analysis;

import java.util.Locale;

/**
 * One reported number (or word) with the formula that produced it. {@code key} is the JSON name; {@code value}
 * is a Double (infinite for a divergent sum, NaN for unknown), a Long, a String or a Boolean.
 */
public record Quantity(String key, String label, Object value, String formula) {

    /** The value for people: six significant digits, whole numbers without a point, ∞, and n/a for unknown. */
    public String text() {
        return value instanceof Double d ? format(d) : String.valueOf(value);
    }

    public static String format(double v) {
        if (Double.isNaN(v)) return "n/a";
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "−∞";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replaceAll("\\.(e|$)", "$1");
    }
}
