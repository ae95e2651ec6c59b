package dev.anneal.schedule;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The one checking helper: every rejected value gets the same message formula, {@code name (value) rule}, as an
 * {@link IllegalArgumentException}; a call in the wrong state, such as a setting given twice, is an
 * {@link IllegalStateException} that names what was set before. Checks are written so that NaN fails them.
 */
public final class Checks {
    private Checks() {}

    public static double finite(String name, double value) {
        if (!Double.isFinite(value)) throw fail(name, value, "must be finite");
        return value;
    }

    public static double positive(String name, double value) {
        if (!(value > 0) || value == Double.POSITIVE_INFINITY) throw fail(name, value, "must be > 0 and finite");
        return value;
    }

    public static long positive(String name, long value) {
        if (value <= 0) throw fail(name, value, "must be > 0");
        return value;
    }

    public static double nonNegative(String name, double value) {
        if (!(value >= 0) || value == Double.POSITIVE_INFINITY) throw fail(name, value, "must be >= 0 and finite");
        return value;
    }

    public static long nonNegative(String name, long value) {
        if (value < 0) throw fail(name, value, "must be >= 0");
        return value;
    }

    public static long atLeast(String name, long value, long min) {
        if (value < min) throw fail(name, value, "must be >= " + min);
        return value;
    }

    public static double atLeast(String name, double value, double min) {
        if (!(value >= min) || value == Double.POSITIVE_INFINITY) throw fail(name, value, "must be >= " + format(min) + " and finite");
        return value;
    }

    /** Closed interval [lo, hi]. */
    public static double inClosed(String name, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) throw fail(name, value, "must be in [" + format(lo) + ", " + format(hi) + "]");
        return value;
    }

    /** Half-open interval [lo, hi). */
    public static double inHalfOpen(String name, double value, double lo, double hi) {
        if (!(value >= lo && value < hi)) throw fail(name, value, "must be in [" + format(lo) + ", " + format(hi) + ")");
        return value;
    }

    /** Left-open interval (lo, hi]. */
    public static double inLeftOpen(String name, double value, double lo, double hi) {
        if (!(value > lo && value <= hi)) throw fail(name, value, "must be in (" + format(lo) + ", " + format(hi) + "]");
        return value;
    }

    /** A rule between several values (min &lt;= max, equal lengths): a wrong value; the message states the rule in full. */
    public static void argument(boolean holds, String message) {
        if (!holds) throw InvalidInputException.of(message);
    }

    /** A call in the wrong state (a builder used after build, a setting given twice): the message says what holds now. */
    public static void requireState(boolean holds, String message) {
        if (!holds) throw new IllegalStateException(message);
    }

    /**
     * A builder's setting given at most once: {@code earlier} is its current value, null while unset. A second call is
     * a mistake that would otherwise silently win: {@code clipNorm was already set to 1 (now 2)}.
     */
    public static void setOnce(String setting, Object earlier, Object value) {
        if (earlier != null) {
            throw new IllegalStateException(setting + " was already set to " + format(earlier) + " (now " + format(value) + ")");
        }
    }

    /** An error blamed on the setting {@code name}, whose message is {@code rule} as written (it names what is wrong). */
    public static InvalidInputException about(String name, String rule) {
        return InvalidInputException.about(name, rule);
    }

    public static InvalidInputException fail(String name, Object value, String rule) {
        return new InvalidInputException(name, value, rule, InvalidInputException.Where.NOWHERE);
    }

    /** Values as the spec language prints them: whole doubles without a trailing ".0", lists in brackets. */
    public static String format(Object value) {
        return switch (value) {
            case Double d -> Printer.number(d);
            case List<?> l -> l.stream().map(Checks::format).collect(Collectors.joining(", ", "[", "]"));
            case null, default -> String.valueOf(value);
        };
    }
}
