package dev.anneal.dialect.optax;

import dev.anneal.spec.Form;
import dev.anneal.convert.Portable;
import dev.anneal.dialect.Py;
import dev.anneal.schedule.Constant;
import dev.anneal.schedule.Linear;
import dev.anneal.schedule.Range;

import java.util.OptionalLong;

/**
 * {@code optax.linear_schedule(init_value, end_value, transition_steps, transition_begin=0)}: polynomial_schedule with
 * power 1, i.e. (init − end)·(1 − c/T) + end.
 */
record LinearSchedule(double initValue, double endValue, long transitionSteps, long transitionBegin) implements Portable {
    LinearSchedule {
        PolynomialSchedule.check(initValue, endValue, transitionSteps, transitionBegin);
    }

    @Override
    public double at(long step) {
        return Fns.polynomial(initValue, endValue, 1, transitionSteps, transitionBegin, Py.clamp(step));
    }

    @Override
    public OptionalLong duration() {
        return PolynomialSchedule.duration(transitionSteps, transitionBegin);
    }

    @Override
    public Range range() {
        return transitionSteps > 0 ? Range.hull(initValue, endValue) : Range.point(initValue);
    }

    @Override
    public String spec() {
        return Py.call("optax.linear_schedule", Py.kw("init_value", initValue), Py.kw("end_value", endValue),
                Py.kw("transition_steps", transitionSteps), transitionBegin == 0 ? null : Py.kw("transition_begin", transitionBegin));
    }

    /** linear(init, end, steps=T), after constant(init) for transition_begin steps. */
    @Override
    public Form nativeForm() {
        if (transitionSteps == 0) return Form.of(new Constant(initValue));
        return Form.of(PolynomialSchedule.delayed(initValue, transitionBegin, new Linear(initValue, endValue, transitionSteps)));
    }

    @Override
    public String toString() {
        return spec();
    }
}
