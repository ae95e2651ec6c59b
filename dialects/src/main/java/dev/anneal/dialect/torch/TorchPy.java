package dev.anneal.dialect.torch;

import dev.anneal.schedule.InvalidInputException;

import dev.anneal.dialect.Py;
import dev.anneal.schedule.Range;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Spec text and small numeric helpers of the {@code torch.} records (the Python literals come from {@link Py}). */
final class TorchPy {
    private TorchPy() {}

    /** {@code torch.NAME(arg, …)}, leaving out null arguments. */
    static String call(String name, String... args) {
        return Py.call("torch." + name, args);
    }

    static String call(String name, List<String> args) {
        return call(name, args.toArray(String[]::new));
    }

    /** {@code torch.NAME(lr=…, arg, …)}: a top-level call on an optimizer with that lr. */
    static String withLr(String name, double lr, List<String> args) {
        List<String> all = new ArrayList<>(List.of(Py.kw("lr", lr)));
        all.addAll(args);
        return call(name, all);
    }

    /** Keyword arguments, the null ones (defaults) left out. */
    static List<String> args(String... args) {
        return Arrays.stream(args).filter(Objects::nonNull).toList();
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
        return Py.loose(r);
    }

    /** An error at a step: the scheduler, the step, and what PyTorch does there. */
    static InvalidInputException failure(Object scheduler, long step, String reason) {
        return InvalidInputException.of(scheduler + ": step " + step + " " + reason);
    }
}
