package dev.anneal.dialect.keras;

import dev.anneal.spec.Args;
import dev.anneal.spec.Node;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/** Python-flavoured spec text and argument reading shared by the {@code keras.} records. */
final class Py {
    private Py() {}

    /** A float as Python would accept it back: whole numbers keep a ".0", the rest use the shortest round-trip form. */
    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e16) return (v == 0 && 1 / v < 0 ? "-0" : Long.toString((long) v)) + ".0";
        return Double.toString(v);
    }

    static String call(String name, String... args) {
        return name + Arrays.stream(args).filter(Objects::nonNull).collect(Collectors.joining(", ", "(", ")"));
    }

    static String kw(String name, double value) {
        return name + "=" + num(value);
    }

    static String kw(String name, long value) {
        return name + "=" + value;
    }

    /** {@code name=value}, or null (left out) when the value is the default. */
    static String kw(String name, double value, double fallback) {
        return Double.compare(value, fallback) == 0 ? null : kw(name, value);
    }

    /** An optional number: null when the argument is absent or Python's None. */
    static Double optionalNumber(Args a, String name) {
        Node n = a.node(name);
        return n == null || none(n) ? null : a.number(name, n);
    }

    /** An optional step count: null when the argument is absent or None. */
    static Long optionalSteps(Args a, String name) {
        Node n = a.node(name);
        return n == null || none(n) ? null : a.steps(name, n);
    }

    static boolean none(Node n) {
        return n instanceof Node.Word w && w.name().equals("None");
    }

    /** a + b for step counts, saturating instead of wrapping. */
    static long add(long a, long b) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) return a > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        return r;
    }

    /** Steps before 0 read as 0; far steps are held at 2^62 so that step arithmetic cannot wrap. */
    static long clamp(long step) {
        return Math.min(Math.max(step, 0), 1L << 62);
    }
}
