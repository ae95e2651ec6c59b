package dev.anneal.analysis;

/**
 * One reported number (or word) with the formula that produced it. {@code key} is the JSON name; {@code value}
 * is a Double (infinite for a divergent sum, NaN for unknown), a Long, a String or a Boolean.
 */
public record Quantity(String key, String label, Object value, String formula) {}
