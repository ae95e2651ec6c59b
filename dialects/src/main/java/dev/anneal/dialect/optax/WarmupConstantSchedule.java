package dev.anneal.dialect.optax;

import dev.anneal.spec.Form;
import dev.anneal.convert.Portable;
import dev.anneal.dialect.Py;
import dev.anneal.schedule.Checks;
import dev.anneal.schedule.Constant;
import dev.anneal.schedule.Linear;
import dev.anneal.schedule.Range;

import java.util.OptionalLong;

/**
 * {@code optax.warmup_constant_schedule(init_value, peak_value, warmup_steps)}: linear_schedule from init_value to
 * peak_value over warmup_steps, then peak_value. With warmup_steps = 0 optax's linear_schedule holds init_value, so
 * the schedule never reaches peak_value.
 */
record WarmupConstantSchedule(double initValue, double peakValue, long warmupSteps) implements Portable {
    WarmupConstantSchedule {
        Checks.finite("init_value", initValue);
        Checks.finite("peak_value", peakValue);
        Checks.nonNegative("warmup_steps", warmupSteps);
    }

    @Override
    public double at(long step) {
        return Fns.polynomial(initValue, peakValue, 1, warmupSteps, 0, Py.clamp(step));
    }

    @Override
    public OptionalLong duration() {
        return warmupSteps > 0 ? OptionalLong.of(warmupSteps) : OptionalLong.empty();
    }

    @Override
    public Range range() {
        return warmupSteps > 0 ? Range.hull(initValue, peakValue) : Range.point(initValue);
    }

    @Override
    public String spec() {
        return Py.call("optax.warmup_constant_schedule", Py.kw("init_value", initValue), Py.kw("peak_value", peakValue),
                Py.kw("warmup_steps", warmupSteps));
    }

    @Override
    public Form nativeForm() {
        return Form.of(warmupSteps == 0 ? new Constant(initValue) : new Linear(initValue, peakValue, warmupSteps));
    }

    @Override
    public String toString() {
        return spec();
    }
}
