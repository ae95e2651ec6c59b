package dev.anneal.dialect.optax;

import dev.anneal.dialect.Py;
import dev.anneal.dialect.Segments;
import dev.anneal.schedule.Checks;
import dev.anneal.spec.Form;
import dev.anneal.convert.Portable;
import dev.anneal.schedule.Constant;
import dev.anneal.schedule.Cosine;
import dev.anneal.schedule.Linear;
import dev.anneal.schedule.Range;
import dev.anneal.schedule.Schedule;
import java.util.ArrayList;

import java.util.List;
import java.util.OptionalLong;

/**
 * {@code optax.piecewise_interpolate_schedule(interpolate_type, init_value, boundaries_and_scales=None)}: the
 * cumulative products init·s1·…·si are reached at the boundaries and interpolated ('linear' or 'cosine') in between;
 * the interpolation starts from step 0.
 */
record PiecewiseInterpolateSchedule(boolean cosine, double initValue, List<Long> boundaries, List<Double> scales)
        implements Portable {
    PiecewiseInterpolateSchedule {
        Checks.finite("init_value", initValue);
        boundaries = List.copyOf(boundaries);
        scales = List.copyOf(scales);
        PiecewiseConstantSchedule.checkDict(boundaries, scales, "piecewise_interpolate_schedule");
        // optax interpolates between the running products: an infinite one makes NaN (∞·0) next to it.
        double value = initValue;
        for (int i = 0; i < scales.size(); i++) {
            value *= scales.get(i);
            if (!Double.isFinite(value)) {
                throw Checks.fail("init_value·scales up to boundary " + boundaries.get(i), value, "must be finite: optax interpolates between these products");
            }
        }
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
    public Form nativeForm() {
        return nativeForm(cosine, initValue, boundaries, scales);
    }

    /**
     * linear(v[i], v[i+1], steps=b[i+1] − b[i]) (or cosine(v[i], steps=…, floor=v[i+1])) one after another, then
     * constant(v[n]), where v are the cumulative products and b = [0] + boundaries.
     */
    static Form nativeForm(boolean cosine, double init, List<Long> boundaries, List<Double> scales) {
        if (!boundaries.isEmpty() && boundaries.getFirst() < 0) {
            return Form.none("a negative boundary (" + boundaries.getFirst() + ") makes optax sum two interpolations at once");
        }
        List<Schedule> pieces = new ArrayList<>();
        List<Long> lengths = new ArrayList<>();
        double v = init;
        long from = 0;
        for (int i = 0; i < boundaries.size(); i++) {
            double next = v * scales.get(i);
            long length = boundaries.get(i) - from;
            if (length > 0) pieces.add(cosine ? new Cosine(v, length, next) : new Linear(v, next, length));
            else pieces.add(new Constant(v)); // an empty slot, skipped by the chain
            lengths.add(length);
            v = next;
            from = boundaries.get(i);
        }
        pieces.add(new Constant(v));
        return Segments.chain(pieces, lengths);
    }

    @Override
    public String toString() {
        return spec();
    }
}
