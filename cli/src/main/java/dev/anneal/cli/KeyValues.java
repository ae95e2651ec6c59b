package dev.anneal.cli;

import dev.anneal.schedule.InvalidInputException;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * An option's {@code KEY=VALUE,…} value, e.g. {@code --plateau patience=2,factor=0.5}: only the keys the option
 * knows, each at most once, the others at their defaults. Errors name the option, its value and the rule.
 */
final class KeyValues {
    private final String option, text;
    private final Map<String, String> values;

    private KeyValues(String option, String text, Map<String, String> values) {
        this.option = option;
        this.text = text;
        this.values = values;
    }

    /** Parses {@code text} (empty: every default) against {@code defaults}, whose keys are the option's settings. */
    static KeyValues parse(String option, String text, Map<String, String> defaults) {
        Map<String, String> values = new LinkedHashMap<>(defaults);
        Map<String, String> given = new LinkedHashMap<>();
        KeyValues parsed = new KeyValues(option, text, values);
        if (!text.isBlank()) {
            for (String pair : text.split(",", -1)) {
                int eq = pair.indexOf('=');
                if (eq < 1 || eq == pair.length() - 1) {
                    throw parsed.fail("each setting must be KEY=VALUE, separated by commas (e.g. " + example(defaults) + ")");
                }
                String key = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT), value = pair.substring(eq + 1).strip();
                if (!defaults.containsKey(key)) {
                    throw parsed.fail(key + " is not a setting of " + option + "; its settings are " + String.join(", ", defaults.keySet()));
                }
                if (given.put(key, value) != null) throw parsed.fail(key + " is given twice");
                values.put(key, value);
            }
        }
        return parsed;
    }

    /** The integer {@code key}, at least {@code min}. */
    long integer(String key, long min) {
        String value = values.get(key);
        try {
            long v = Long.parseLong(value);
            if (v >= min) return v;
        } catch (NumberFormatException e) {
            // the rule below says what is wanted
        }
        throw fail(key + " (" + value + ") must be an integer >= " + min);
    }

    /** The integer {@code key}, at least {@code min} and at most {@link Integer#MAX_VALUE}. */
    int count(String key, int min) {
        long v = integer(key, min);
        if (v > Integer.MAX_VALUE) throw fail(key + " (" + v + ") must be at most " + Integer.MAX_VALUE);
        return (int) v;
    }

    /** The number {@code key}; its range is the controller's to check. */
    double real(String key) {
        String value = values.get(key);
        try {
            double v = Double.parseDouble(value);
            if (Double.isFinite(v)) return v;
        } catch (NumberFormatException e) {
            // the rule below says what is wanted
        }
        throw fail(key + " (" + value + ") must be a finite number");
    }

    /** {@code OPTION (TEXT): message}. */
    InvalidInputException fail(String message) {
        return fail(InvalidInputException.of(message));
    }

    /** {@code e} placed under this option and its value: {@code --brake (cut=2): cut (2) must be in (0, 1)}. */
    InvalidInputException fail(InvalidInputException e) {
        return e.at(option + " (" + text + ")");
    }

    /** Every setting with its value, defaults included: {@code key=value,…}. */
    @Override
    public String toString() {
        StringJoiner all = new StringJoiner(",");
        values.forEach((k, v) -> all.add(k + "=" + v));
        return all.toString();
    }

    private static String example(Map<String, String> defaults) {
        StringJoiner e = new StringJoiner(",");
        defaults.entrySet().stream().limit(2).forEach(d -> e.add(d.getKey() + "=" + d.getValue()));
        return e.toString();
    }
}
