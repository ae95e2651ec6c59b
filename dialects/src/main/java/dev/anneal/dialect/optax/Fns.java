package dev.anneal.dialect.optax;

import dev.anneal.schedule.Range;
import dev.anneal.schedule.Schedule;

import java.util.List;

/**
 * The schedule functions of optax, {@code optax/schedules/_schedule.py} and {@code _join.py}
 * (google-deepmind/optax@006cebd2ad), transcribed operation by operation. optax evaluates in JAX, float32 unless
 * {@code jax_enable_x64} is set; these evaluate the same formulas in float64 (see docs/dialects/optax.md).
 * {@code count} is the step, already clamped to [0, 2^62].
 */
final class Fns {
    private Fns() {}

    /** {@code polynomial_schedule}: init until transition_begin, then (init − end)·(1 − c/T)^power + end. */
    static double polynomial(double init, double end, double power, long transitionSteps, long transitionBegin, long count) {
        if (transitionSteps <= 0) return init;
        long begin = Math.max(transitionBegin, 0);
        long c = Math.clamp(count - begin, 0, transitionSteps);
        double frac = 1 - (double) c / transitionSteps;
        double w = Math.pow(frac, power);
        // optax's (init − end)·w + end; where init − end overflows, each end is weighed on its own (no ∞·0 = NaN)
        if (Double.isInfinite(init - end)) return init * w + end * (1 - w);
        return (init - end) * w + end;
    }

    /** {@code exponential_decay}; {@code end} is null for None. */
    static double exponential(double init, long transitionSteps, double rate, long transitionBegin, boolean staircase,
                              Double end, long count) {
        if (transitionSteps <= 0) return init;
        if (rate == 0 || init == 0) return init; // 0·rate^p is 0 even where rate^p overflows
        long begin = Math.max(transitionBegin, 0);
        long decreased = count - begin;
        double p = (double) decreased / transitionSteps;
        if (staircase) p = Math.floor(p);
        double decayed = decreased <= 0 ? init : init * Math.pow(rate, p);
        if (end != null) decayed = rate < 1.0 ? Math.max(decayed, end) : Math.min(decayed, end);
        return decayed;
    }

    /** The values {@link #exponential} takes, for {@code range()}. */
    static Range exponentialRange(double init, long transitionSteps, double rate, Double end) {
        if (transitionSteps <= 0 || rate == 0) return Range.point(init);
        if (rate == 1) return Range.point(end == null ? init : clip(init, rate, end));
        double far = rate < 1 ? 0 : init > 0 ? Double.POSITIVE_INFINITY : init < 0 ? Double.NEGATIVE_INFINITY : 0;
        Range decayed = Range.hull(init, far);
        if (end == null) return decayed;
        // max(·, end) and min(·, end) are monotone: they map the ends of the range.
        return Range.hull(clip(decayed.min(), rate, end), clip(decayed.max(), rate, end));
    }

    private static double clip(double v, double rate, double end) {
        return rate < 1.0 ? Math.max(v, end) : Math.min(v, end);
    }

    /** {@code cosine_decay_schedule}: init·((1 − alpha)·((1 + cos(π·min(c, T)/T))/2)^exponent + alpha). */
    static double cosine(double init, long decaySteps, double alpha, double exponent, long count) {
        double c = Math.min((double) count, (double) decaySteps);
        double cosineDecay = 0.5 * (1 + Math.cos(Math.PI * c / decaySteps));
        double decayed = (1 - alpha) * Math.pow(cosineDecay, exponent) + alpha;
        return init * decayed;
    }

    /**
     * {@code piecewise_constant_schedule}: init times the scale of every boundary ≤ count, in boundary order
     * ({@code v * indicator + (1 - indicator) * scale * v}, indicator = 0 from the boundary on).
     */
    static double piecewiseConstant(double init, List<Long> boundaries, List<Double> scales, long count) {
        double v = init;
        for (int i = 0; i < boundaries.size(); i++) {
            if (count >= boundaries.get(i)) v = scales.get(i) * v;
        }
        return v;
    }

    /**
     * {@code piecewise_interpolate_schedule}: bounds = [0] + boundaries, values = cumprod([init] + scales);
     * interpolate between values[i] and values[i+1] on [bounds[i], bounds[i+1]), and values[-1] from the last bound.
     */
    static double piecewiseInterpolate(boolean cosine, double init, List<Long> boundaries, List<Double> scales, long count) {
        int n = boundaries.size();
        long[] bounds = new long[n + 1];
        double[] values = new double[n + 1];
        values[0] = init;
        for (int i = 0; i < n; i++) {
            bounds[i + 1] = boundaries.get(i);
            values[i + 1] = values[i] * scales.get(i);
        }
        double result = 0;
        for (int i = 0; i < n; i++) {
            if (bounds[i] <= count && count < bounds[i + 1]) {
                long size = Math.max(bounds[i + 1] - bounds[i], 1);
                double pct = (double) (count - bounds[i]) / size;
                result += cosine ? cosineInterpolate(values[i], values[i + 1], pct) : linearInterpolate(values[i], values[i + 1], pct);
            }
        }
        if (bounds[n] <= count) result += values[n];
        return result;
    }

    /** The hull of init and every cumulative product: interpolation stays between consecutive values. */
    static Range cumulativeRange(double init, List<Double> scales) {
        Range r = Range.point(init);
        double v = init;
        for (double s : scales) {
            v *= s;
            r = r.union(Range.point(v));
        }
        return r;
    }

    /** {@code _linear_interpolate}. */
    static double linearInterpolate(double start, double end, double pct) {
        double span = end - start;
        // optax's formula where the difference is finite; where it overflows (ends near ±1e308), each end weighed, not NaN.
        return Double.isFinite(span) ? span * pct + start : start * (1 - pct) + end * pct;
    }

    /** {@code _cosine_interpolate}. */
    static double cosineInterpolate(double start, double end, double pct) {
        double span = start - end, weight = (Math.cos(Math.PI * pct) + 1) / 2.0;
        return Double.isFinite(span) ? end + span / 2.0 * (Math.cos(Math.PI * pct) + 1) : end * (1 - weight) + start * weight;
    }

    /** {@code join_schedules}: schedules[i+1] from boundaries[i] on, seeing {@code count − boundaries[i]}. */
    static double join(List<? extends Schedule> schedules, List<Long> boundaries, long count) {
        double output = schedules.getFirst().at(count);
        for (int i = 0; i < boundaries.size() && i + 1 < schedules.size(); i++) {
            long boundary = boundaries.get(i);
            if (!(count < boundary)) output = schedules.get(i + 1).at(count - boundary);
        }
        return output;
    }
}
