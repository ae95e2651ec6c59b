package dev.anneal.dialect.torch;

import dev.anneal.schedule.Range;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Python-flavoured spec text and small numeric helpers shared by the {@code torch.} records. */
final class Py {
    private Py() {}

    /** A float as Python reads it back: whole numbers keep a ".0" (PyTorch checks {@code isinstance(pct_start, float)}). */
    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e16) return (v == 0 && 1 / v < 0 ? "-0" : Long.toString((long) v)) + ".0";
        return Double.toString(v);
    }

    /** {@code torch.NAME(arg, …)}, leaving out null arguments. */
    static String call(String name, String... args) {
        return "torch." + name + Arrays.stream(args).filter(Objects::nonNull).collect(Collectors.joining(", ", "(", ")"));
    }

    /** {@code torch.NAME(lr=…, arg, …)}: a top-level call on an optimizer with that lr. */
    static String withLr(String name, double lr, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = kw("lr", lr);
        System.arraycopy(args, 0, all, 1, args.length);
        return call(name, all);
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

    static String kw(String name, long value, long fallback) {
        return value == fallback ? null : kw(name, value);
    }

    static String kw(String name, boolean value, boolean fallback) {
        return value == fallback ? null : name + "=" + (value ? "True" : "False");
    }

    /** A string argument in Python quotes, or null when it is the default. */
    static String kw(String name, String value, String fallback) {
        return value.equals(fallback) ? null : name + "='" + value + "'";
    }

    static String list(List<?> items) {
        return items.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }

    /** Steps before 0 read as step 0. */
    static long clamp(long step) {
        return Math.max(step, 0);
    }

    /** The values lr·g^n for n ≥ 0 (g ≥ 0, lr ≥ 0): their closure. */
    static Range geometric(double lr, double gamma) {
        if (gamma < 1 || lr == 0) return Range.hull(lr, 0);
        if (gamma == 1) return Range.point(lr);
        return new Range(lr, Double.POSITIVE_INFINITY);
    }

    /** A range widened by a few ulps: for values a recursion may leave a rounding error outside the exact bounds. */
    static Range loose(Range r) {
        double lo = Double.isFinite(r.min()) ? r.min() - 8 * Math.ulp(r.min()) : r.min();
        double hi = Double.isFinite(r.max()) ? r.max() + 8 * Math.ulp(r.max()) : r.max();
        return new Range(lo, hi);
    }

    /** An error at a step: the scheduler, the step, and what PyTorch does there. */
    static IllegalArgumentException failure(Object scheduler, long step, String reason) {
        return new IllegalArgumentException(scheduler + ": step " + step + " " + reason);
    }
}
