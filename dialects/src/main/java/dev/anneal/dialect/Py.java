package dev.anneal.dialect;

import dev.anneal.schedule.Range;
import dev.anneal.spec.Args;
import dev.anneal.spec.Node;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Python-flavoured spec text and argument reading, shared by the dialects: calls with keyword arguments whose
 * defaults are left out, and Python literals (floats keep a ".0", strings are quoted, {@code None} reads as absent).
 * Internal to the dialects module: the package is not exported.
 */
public final class Py {
    private Py() {}

    /** A float as Python reads it back: whole numbers keep a ".0" (PyTorch checks {@code isinstance(pct_start, float)}). */
    public static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e16) return (v == 0 && 1 / v < 0 ? "-0" : Long.toString((long) v)) + ".0";
        return Double.toString(v);
    }

    /** {@code name(arg, …)}, leaving out null arguments. */
    public static String call(String name, String... args) {
        return name + Arrays.stream(args).filter(Objects::nonNull).collect(Collectors.joining(", ", "(", ")"));
    }

    public static String kw(String name, double value) {
        return name + "=" + num(value);
    }

    public static String kw(String name, long value) {
        return name + "=" + value;
    }

    /** {@code name=value}, or null (left out) when the value is the default. */
    public static String kw(String name, double value, double fallback) {
        return Double.compare(value, fallback) == 0 ? null : kw(name, value);
    }

    public static String kw(String name, long value, long fallback) {
        return value == fallback ? null : kw(name, value);
    }

    public static String kw(String name, boolean value, boolean fallback) {
        return value == fallback ? null : name + "=" + (value ? "True" : "False");
    }

    /** A string argument in Python quotes, or null when it is the default. */
    public static String kw(String name, String value, String fallback) {
        return value.equals(fallback) ? null : name + "='" + value + "'";
    }

    /** {@code [a, b, …]}: floats as {@link #num}, the rest (step counts, nested calls) as they print. */
    public static String list(List<?> items) {
        return items.stream().map(Py::literal).collect(Collectors.joining(", ", "[", "]"));
    }

    /** {@code {100: 0.1, 200: 0.5}}: step keys, float values. */
    public static String dict(List<Long> keys, List<Double> values) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < keys.size(); i++) b.append(i == 0 ? "" : ", ").append(keys.get(i)).append(": ").append(num(values.get(i)));
        return b.append("}").toString();
    }

    /** {@code {'init_value': 0.0, 'decay_steps': 20}}, keeping the map's order. */
    public static String stringDict(Map<String, String> entries) {
        return entries.entrySet().stream().map(e -> "'" + e.getKey() + "': " + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String literal(Object o) {
        return o instanceof Double d ? num(d) : String.valueOf(o);
    }

    /** An optional number: null when the argument is absent or Python's None. */
    public static Double optionalNumber(Args a, String name) {
        Node n = a.node(name);
        return n == null || none(n) ? null : a.number(name, n);
    }

    /** An optional step count: null when the argument is absent or None. */
    public static Long optionalSteps(Args a, String name) {
        Node n = a.node(name);
        return n == null || none(n) ? null : a.steps(name, n);
    }

    public static boolean none(Node n) {
        return n instanceof Node.Word w && w.name().equals("None");
    }

    /** A range widened by a few ulps: for values whose rounding may leave them just outside the exact bounds. */
    public static Range loose(Range r) {
        double lo = Double.isFinite(r.min()) ? r.min() - 8 * Math.ulp(r.min()) : r.min();
        double hi = Double.isFinite(r.max()) ? r.max() + 8 * Math.ulp(r.max()) : r.max();
        return new Range(lo, hi);
    }

    /** a + b for step counts, saturating instead of wrapping. */
    public static long add(long a, long b) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) return a > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        return r;
    }

    /** Steps before 0 read as 0; far steps are held at 2^62 so that step arithmetic cannot wrap. */
    public static long clamp(long step) {
        return Math.min(Math.max(step, 0), 1L << 62);
    }
}
