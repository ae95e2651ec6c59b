package dev.anneal.dialect.timm;

import dev.anneal.schedule.InvalidInputException;

import dev.anneal.dialect.Py;
import dev.anneal.schedule.Checks;
import dev.anneal.schedule.Exponential;
import dev.anneal.schedule.Constant;
import dev.anneal.schedule.Range;
import dev.anneal.schedule.Schedule;
import dev.anneal.schedule.Then;
import dev.anneal.spec.Form;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The cycles of timm's cosine, tanh and poly schedulers, as their {@code _get_lr} counts them: with cycle_mul 1,
 * cycle {@code i = t // t_initial}; otherwise {@code i = floor(log(1 − t/t_initial·(1 − cycle_mul), cycle_mul))}, a
 * floating-point logarithm that can put a restart step in the cycle before (timm's quirk, kept). Cycle i peaks at
 * {@code lr·cycle_decay^i}; from cycle cycle_limit on the lr is lr_min.
 */
record Cycles(long tInitial, double lrMin, double mul, double decay, long limit) {

    static final double LR_MIN = 0.0;
    static final double MUL = 1.0;
    static final double DECAY = 1.0;
    static final long LIMIT = 1;

    /** Most cycles written out one by one in a native form. */
    private static final int MOST_PIECES = 64;

    Cycles {
        Checks.positive("t_initial", tInitial);
        Checks.nonNegative("lr_min", lrMin);
        // timm takes log base cycle_mul: 0 or less raises ValueError (math domain error) at every step.
        Checks.positive("cycle_mul", mul);
        // Not checked by timm; a negative decay would flip the sign of every other cycle.
        Checks.nonNegative("cycle_decay", decay);
    }

    /**
     * timm computes t_curr^k / t_i^k: once t_i^k overflows that is ∞/∞, NaN here and OverflowError in timm. The longest
     * cycle that starts before step 2⁶³ must keep t_i^k finite.
     */
    void checkKDecay(double kDecay) {
        double logLongest = Math.log(tInitial);
        if (mul > 1) {
            double reached = Math.floor(Math.log1p((double) Long.MAX_VALUE / tInitial * (mul - 1)) / Math.log(mul));
            logLongest += Math.min(limit - 1, reached) * Math.log(mul);
        }
        if (kDecay * logLongest >= Math.log(Double.MAX_VALUE)) {
            throw Checks.fail("k_decay", kDecay, "is too large: t_i^k_decay overflows for a cycle of " + Py.num(Math.exp(logLongest)) + " steps");
        }
    }

    /** What a scheduler draws within a cycle: the share of (peak − lr_min) left at t_curr of t_i. */
    @FunctionalInterface
    interface Shape {
        double at(double tCurr, double tI);
    }

    /** The lr at t (counted after a prefix warmup), for a scheduler whose base lr is {@code lr}. */
    double at(long t, double lr, Shape shape) {
        long i;
        double tI, tCurr;
        if (mul != 1) {
            double x = 1 - (double) t / tInitial * (1 - mul);
            if (!(x > 0)) {
                throw InvalidInputException.of("step " + t + " is past the end of the shrinking cycles (cycle_mul "
                        + Py.num(mul) + "): timm raises ValueError: math domain error");
            }
            i = (long) Math.floor(Math.log(x) / Math.log(mul));
            tI = Math.pow(mul, i) * tInitial;
            tCurr = t - (1 - Math.pow(mul, i)) / (1 - mul) * tInitial;
        } else {
            i = t / tInitial;
            tI = tInitial;
            tCurr = t - tInitial * i;
        }
        if (i >= limit) return lrMin;
        double peak = Exponential.decayed(lr, decay, i);
        return lrMin + (peak - lrMin) * shape.at(tCurr, tI);
    }

    /** Bounds on every value: between lr_min and the highest or lowest peak. */
    Range range(double lr) {
        return Range.hull(lrMin, lr, Exponential.decayed(lr, decay, Math.max(0, limit - 1)));
    }

    /**
     * The native form: each cycle as {@code piece(peak, length)}, one after another (the last holds lr_min, as timm
     * does from cycle cycle_limit on); or why there is none.
     */
    Form nativeForm(double lr, BiFunction<Double, Long, Schedule> piece) {
        if (limit <= 0) return Form.of(new Constant(lrMin));
        if (limit > MOST_PIECES) return Form.none("cycle_limit " + limit + " is more cycles than a native form writes out (" + MOST_PIECES + ")");
        List<Schedule> pieces = new ArrayList<>();
        long start = 0, length = tInitial;
        for (long i = 0; i < limit; i++) {
            if (mul != 1 && (cycleOf(start) != i || (start > 0 && cycleOf(start - 1) != i - 1))) {
                return Form.none("timm's floating-point cycle count, floor(log(1 − t/t_initial·(1 − cycle_mul))/log(cycle_mul)),"
                        + " does not put the restart of cycle " + i + " at step " + start + " (it is " + cycleOf(start) + " there)");
            }
            pieces.add(piece.apply(Exponential.decayed(lr, decay, i), length));
            start = Py.add(start, length);
            if (mul != 1 && i + 1 < limit) {
                double next = length * mul;
                if (next != Math.rint(next) || next > 1L << 52) {
                    return Form.none("cycle_mul " + Py.num(mul) + " makes cycle " + (i + 1) + " " + next + " steps long; native cycles are whole steps");
                }
                length = (long) next;
            }
        }
        return Form.of(Then.of(pieces));
    }

    private long cycleOf(long t) {
        double x = 1 - (double) t / tInitial * (1 - mul);
        return x > 0 ? (long) Math.floor(Math.log(x) / Math.log(mul)) : Long.MAX_VALUE;
    }

    /** The keyword arguments after t_initial (which each scheduler writes first), defaults left out. */
    String[] kwargs() {
        return new String[] {Py.kw("lr_min", lrMin, LR_MIN), Py.kw("cycle_mul", mul, MUL),
                Py.kw("cycle_decay", decay, DECAY), Py.kw("cycle_limit", limit, LIMIT)};
    }
}
