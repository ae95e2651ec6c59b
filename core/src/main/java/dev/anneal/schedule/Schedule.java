package dev.anneal.schedule;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongToDoubleFunction;

/**
 * A hyperparameter schedule: a pure, total function of the optimizer step.
 *
 * <p>{@code at(t)} is the value used by the {@code t}-th update (the first update uses step 0). It is computed
 * in closed form, never from earlier steps, so evaluation order does not matter and resuming at step
 * {@code k} needs only {@code k}. Steps before 0 read as step 0. Implementations are immutable records; every
 * parameter is validated when the record is built.
 *
 * <p>Build schedules with the static factories here, the records' constructors, or {@code Spec.parse(String)};
 * combine them with {@link #then}, {@link #times}, {@link #shift}, {@link #phase}, {@link #counter},
 * {@link #clamp} and {@link #rescale}. {@code toString()} prints the spec text that parses back to an equal schedule.
 */
public sealed interface Schedule
        permits Constant, Linear, Step, MultiStep, Exponential, HalfLife, InverseTime, InverseSqrt, PowerLaw,
                Polynomial, Cosine, Sgdr, Cyclic, OneCycle, Wsd,
                Then, Warmup, Scaled, Product, Shift, Phase, Counter, Clamp, Rescale, Custom, Framework {

    /** The value at {@code step}. */
    double at(long step);

    /** Steps until the schedule reaches its final value (it holds that value afterwards); empty if it never ends. */
    default OptionalLong duration() {
        return OptionalLong.empty();
    }

    /** The period P such that {@code at(t + P) == at(t)} for all t ≥ 0; empty if the schedule is not periodic. */
    default OptionalLong period() {
        return OptionalLong.empty();
    }

    /** Bounds on every value of the schedule. */
    Range range();

    // ---- composition -------------------------------------------------------------------------------------

    /** This schedule for its duration D, then {@code next} at {@code t − D}. */
    default Schedule then(Schedule next) {
        return new Then(this, next);
    }

    /** Pointwise product with a constant. */
    default Schedule times(double factor) {
        return new Scaled(factor, this);
    }

    /** Pointwise product with another schedule. */
    default Schedule times(Schedule other) {
        return new Product(this, other);
    }

    /** {@code at(t + by)}; negative shifts delay the schedule. */
    default Schedule shift(long by) {
        return new Shift(this, by);
    }

    /** A periodic schedule advanced by {@code fraction} of its period. */
    default Schedule phase(double fraction) {
        return new Phase(this, fraction);
    }

    /** {@code lo + hi − at(t)} for a bounded schedule with range [lo, hi]: the mirror image, in counter-phase. */
    default Schedule counter() {
        return new Counter(this);
    }

    /** The range [lo, hi] mapped affinely onto [min, max]: {@code min + (at(t) − lo)/(hi − lo)·(max − min)}. */
    default Schedule rescale(double min, double max) {
        return new Rescale(this, min, max);
    }

    default Schedule clamp(double min, double max) {
        return new Clamp(this, min, max);
    }

    // ---- factories, one per native family ----------------------------------------------------------------

    static Schedule constant(double value) {
        return new Constant(value);
    }

    static Schedule linear(double start, double end, long steps) {
        return new Linear(start, end, steps);
    }

    static Schedule step(double value, long every, double gamma) {
        return new Step(value, every, gamma);
    }

    static Schedule multistep(double value, List<Long> at, double gamma) {
        return new MultiStep(value, at, gamma);
    }

    static Schedule exponential(double value, double gamma) {
        return new Exponential(value, gamma);
    }

    static Schedule halfLife(double value, double halfLife) {
        return new HalfLife(value, halfLife);
    }

    static Schedule inverseTime(double value, double k, double power) {
        return new InverseTime(value, k, power);
    }

    static Schedule inverseSqrt(double value) {
        return new InverseSqrt(value);
    }

    static Schedule powerLaw(double value, double alpha) {
        return new PowerLaw(value, alpha);
    }

    static Schedule polynomial(double value, double end, long steps, double power) {
        return new Polynomial(value, end, steps, power);
    }

    static Schedule cosine(double value, long steps) {
        return new Cosine(value, steps, Cosine.FLOOR);
    }

    static Schedule cosine(double value, long steps, double floor) {
        return new Cosine(value, steps, floor);
    }

    static Schedule sgdr(double value, long period, long mult, double floor) {
        return new Sgdr(value, period, mult, floor);
    }

    static Schedule cyclic(double lo, double hi, long up) {
        return new Cyclic(lo, hi, up, up, Cyclic.MODE, Cyclic.GAMMA);
    }

    static Schedule onecycle(double peak, long steps) {
        return OneCycle.of(peak, steps);
    }

    static Schedule wsd(double peak, long warmup, long stable, long decay) {
        return new Wsd(peak, warmup, stable, decay, Wsd.FLOOR, Wsd.SHAPE);
    }

    /** A linear ramp from 0 to {@code target.at(0)} over {@code steps}, then {@code target}. */
    static Schedule warmup(long steps, Schedule target) {
        return new Warmup(steps, target);
    }

    /** A schedule defined in code; it prints as its name and cannot be parsed back. */
    static Schedule of(String name, LongToDoubleFunction function) {
        return new Custom(name, function);
    }
}
