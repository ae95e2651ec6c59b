package dev.anneal.dialect.hf;

import dev.anneal.spec.Form;
import dev.anneal.convert.Portable;
import dev.anneal.dialect.Py;
import dev.anneal.schedule.Checks;
import dev.anneal.schedule.Constant;
import dev.anneal.schedule.Range;

/** {@code hf.get_constant_schedule(lr)}: lr at every step ({@code _get_constant_lambda} returns 1). */
record ConstantSchedule(double lr) implements Portable {
    ConstantSchedule {
        Checks.finite("lr", lr);
    }

    @Override
    public double at(long step) {
        return lr * 1;
    }

    @Override
    public Range range() {
        return Range.point(lr);
    }

    @Override
    public String spec() {
        return Py.call("hf.get_constant_schedule", Py.kw("lr", lr));
    }

    @Override
    public Form nativeForm() {
        return Form.of(new Constant(lr));
    }

    @Override
    public String toString() {
        return spec();
    }
}
