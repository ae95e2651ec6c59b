package dev.anneal.dialect.timm;

import dev.anneal.dialect.Py;
import dev.anneal.dialect.Shapes;
import dev.anneal.schedule.Checks;
import dev.anneal.schedule.Linear;
import dev.anneal.schedule.Schedule;
import dev.anneal.schedule.Shift;
import dev.anneal.schedule.Then;

import java.util.function.LongToDoubleFunction;
import java.util.stream.Stream;

/**
 * timm's warmup, the same in its five schedulers: for t &lt; warmup_t the lr is {@code warmup_lr_init + t·s} with
 * {@code s = (target − warmup_lr_init)/warmup_t}; from warmup_t on, the main formula, read at {@code t − warmup_t}
 * when warmup_prefix is set and at t otherwise (the warmup then overlays the first warmup_t steps, and the lr jumps at
 * warmup_t to wherever the main formula has got to).
 */
record Warmup(long t, double lrInit, boolean prefix) {

    static final long T = 0;
    static final double LR_INIT = 0.0;

    Warmup {
        // timm only checks these in TanhLRScheduler; a negative warmup_t would move the main formula forward.
        Checks.nonNegative("warmup_t", t);
        Checks.nonNegative("warmup_lr_init", lrInit);
    }

    /** The lr at step t: the ramp towards {@code target}, or the main formula at its own time. */
    double at(long t, double target, LongToDoubleFunction main) {
        if (t < this.t) return lrInit + t * ((target - lrInit) / this.t);
        return main.applyAsDouble(prefix ? t - this.t : t);
    }

    /** The native form: the ramp, then the main formula's native form (shifted when the ramp overlays it). */
    Schedule nativeForm(double target, Schedule main) {
        if (t == 0) return main;
        return prefix ? Then.of(Stream.concat(Stream.of(new Linear(lrInit, target, t)), Shapes.pieces(main).stream()).toList())
                : new Then(new Linear(lrInit, target, t), new Shift(main, t));
    }

    /** The keyword arguments, defaults left out (warmup_prefix's default is the scheduler's). */
    String[] kwargs(boolean prefixByDefault) {
        return new String[] {Py.kw("warmup_t", t, T), Py.kw("warmup_lr_init", lrInit, LR_INIT),
                Py.kw("warmup_prefix", prefix, prefixByDefault)};
    }
}
