package dev.anneal.dialect.optax;

import dev.anneal.spec.Form;
import dev.anneal.convert.Portable;
import dev.anneal.dialect.Py;
import dev.anneal.schedule.Checks;
import dev.anneal.schedule.Constant;
import dev.anneal.schedule.Range;

/** {@code optax.constant_schedule(value)}: value at every step. */
record ConstantSchedule(double value) implements Portable {
    ConstantSchedule {
        Checks.finite("value", value);
    }

    @Override
    public double at(long step) {
        return value;
    }

    @Override
    public Range range() {
        return Range.point(value);
    }

    @Override
    public String spec() {
        return Py.call("optax.constant_schedule", Py.kw("value", value));
    }

    @Override
    public Form nativeForm() {
        return Form.of(new Constant(value));
    }

    @Override
    public String toString() {
        return spec();
    }
}
