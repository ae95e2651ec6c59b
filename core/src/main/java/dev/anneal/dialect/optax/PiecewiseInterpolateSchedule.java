package dev.anneal.dialect.optax;

import dev.anneal.schedule.Checks;
import dev.anneal.schedule.Framework;
import dev.anneal.schedule.Range;

import java.util.List;
import java.util.OptionalLong;

/**
 * {@code optax.piecewise_interpolate_schedule(interpolate_type, init_value, boundaries_and_scales=None)}: the
 * cumulative products init·s1·…·si are reached at the boundaries and interpolated ('linear' or 'cosine') in between;
 * the interpolation starts from step 0.
 */
record PiecewiseInterpolateSchedule(boolean cosine, double initValue, List<Long> boundaries, List<Double> scales)
        implements Framework {
    PiecewiseInterpolateSchedule {
        Checks.finite("init_value", initValue);
        boundaries = List.copyOf(boundaries);
        scales = List.copyOf(scales);
        PiecewiseConstantSchedule.checkDict(boundaries, scales, "piecewise_interpolate_schedule");
    }

    @Override
    public double at(long step) {
        return Fns.piecewiseInterpolate(cosine, initValue, boundaries, scales, Py.clamp(step));
    }

    @Override
    public OptionalLong duration() {
        return boundaries.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Math.max(0, boundaries.getLast()));
    }

    @Override
    public Range range() {
        return Fns.cumulativeRange(initValue, scales);
    }

    @Override
    public String spec() {
        return Py.call("optax.piecewise_interpolate_schedule", "interpolate_type='" + (cosine ? "cosine" : "linear") + "'",
                Py.kw("init_value", initValue), boundaries.isEmpty() ? null : "boundaries_and_scales=" + Py.dict(boundaries, scales));
    }

    @Override
    public String toString() {
        return spec();
    }
}
