package dev.anneal.dialect.optax;

import dev.anneal.spec.Form;
import dev.anneal.convert.Portable;
import dev.anneal.schedule.Range;

import java.util.OptionalLong;

/** An optax schedule that is a piecewise_interpolate_schedule in disguise, as the one-cycle schedules are. */
interface Interpolated extends Portable {

    /** The piecewise_interpolate_schedule optax builds. */
    PiecewiseInterpolateSchedule interpolation();

    @Override
    default double at(long step) {
        return interpolation().at(step);
    }

    @Override
    default OptionalLong duration() {
        return interpolation().duration();
    }

    @Override
    default Range range() {
        return interpolation().range();
    }

    @Override
    default Form nativeForm() {
        return interpolation().nativeForm();
    }
}
