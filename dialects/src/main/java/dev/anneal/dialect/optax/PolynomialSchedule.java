package dev.anneal.dialect.optax;

import dev.anneal.spec.Form;
import dev.anneal.convert.Portable;
import dev.anneal.dialect.Py;
import dev.anneal.schedule.Checks;
import dev.anneal.schedule.Constant;
import dev.anneal.schedule.Linear;
import dev.anneal.schedule.Polynomial;
import dev.anneal.schedule.Range;
import dev.anneal.schedule.Schedule;
import dev.anneal.schedule.Then;

import java.util.OptionalLong;

/**
 * {@code optax.polynomial_schedule(init_value, end_value, power, transition_steps, transition_begin=0)}: init_value
 * until transition_begin, then (init − end)·(1 − c/T)^power + end, then end_value. transition_steps = 0 holds
 * init_value for ever, as optax does.
 */
record PolynomialSchedule(double initValue, double endValue, double power, long transitionSteps, long transitionBegin)
        implements Portable {
    PolynomialSchedule {
        check(initValue, endValue, transitionSteps, transitionBegin);
        Checks.nonNegative("power", power);
    }

    static void check(double initValue, double endValue, long transitionSteps, long transitionBegin) {
        Checks.finite("init_value", initValue);
        Checks.finite("end_value", endValue);
        // optax computes (init_value − end_value)·frac^power + end_value: an infinite difference times 0 is NaN.
        if (!Double.isFinite(initValue - endValue)) {
            throw Checks.fail("init_value − end_value", initValue - endValue, "must be finite (init_value " + Checks.format(initValue)
                    + ", end_value " + Checks.format(endValue) + ")");
        }
        if (transitionSteps < 0) throw Checks.fail("transition_steps", transitionSteps, "must be >= 0 (0 holds init_value, as in optax)");
        Checks.nonNegative("transition_begin", transitionBegin);
    }

    @Override
    public double at(long step) {
        return Fns.polynomial(initValue, endValue, power, transitionSteps, transitionBegin, Py.clamp(step));
    }

    @Override
    public OptionalLong duration() {
        return duration(transitionSteps, transitionBegin);
    }

    static OptionalLong duration(long transitionSteps, long transitionBegin) {
        return transitionSteps > 0 ? OptionalLong.of(Py.add(transitionBegin, transitionSteps)) : OptionalLong.empty();
    }

    @Override
    public Range range() {
        return transitionSteps > 0 ? Range.hull(initValue, endValue) : Range.point(initValue);
    }

    @Override
    public String spec() {
        return Py.call("optax.polynomial_schedule", Py.kw("init_value", initValue), Py.kw("end_value", endValue),
                Py.kw("power", power), Py.kw("transition_steps", transitionSteps),
                transitionBegin == 0 ? null : Py.kw("transition_begin", transitionBegin));
    }

    /** polynomial(init, end=end, steps=T, power=p), after constant(init) for transition_begin steps; needs T, p &gt; 0. */
    @Override
    public Form nativeForm() {
        if (transitionSteps == 0) return Form.of(new Constant(initValue));
        if (power == 0) return Form.of(new Constant((initValue - endValue) + endValue)); // 0^0 = 1: it never leaves init
        if (!(power > 0)) return Form.none("power (" + Py.num(power) + ") < 0 grows without bound towards transition_steps; "
                + "native polynomial needs power > 0");
        return Form.of(delayed(initValue, transitionBegin,
                power == 1 ? new Linear(initValue, endValue, transitionSteps) : new Polynomial(initValue, endValue, transitionSteps, power)));
    }

    /** {@code s}, after {@code begin} steps of {@code init}: linear(init, init, steps=begin) then s. */
    static Schedule delayed(double init, long begin, Schedule s) {
        return begin == 0 ? s : new Then(new Linear(init, init, begin), s);
    }

    @Override
    public String toString() {
        return spec();
    }
}
