package dev.anneal.dialect.optax;

import dev.anneal.spec.Form;
import dev.anneal.convert.Portable;
import dev.anneal.dialect.Py;
import dev.anneal.dialect.Segments;
import dev.anneal.schedule.Checks;
import dev.anneal.schedule.Constant;
import dev.anneal.schedule.MultiStep;
import dev.anneal.schedule.Range;
import dev.anneal.schedule.Schedule;
import java.util.ArrayList;

import java.util.List;
import java.util.OptionalLong;

/**
 * {@code optax.piecewise_constant_schedule(init_value, boundaries_and_scales=None)}: init_value times the scale of
 * every boundary reached (step ≥ boundary). The dict is held as its sorted keys and their scales; an empty dict and
 * None are the same schedule.
 */
record PiecewiseConstantSchedule(double initValue, List<Long> boundaries, List<Double> scales) implements Portable {
    PiecewiseConstantSchedule {
        Checks.finite("init_value", initValue);
        boundaries = List.copyOf(boundaries);
        scales = List.copyOf(scales);
        checkDict(boundaries, scales, "piecewise_constant_schedule");
    }

    /** Sorted, distinct keys; finite, non-negative scales (optax raises on a negative one). */
    static void checkDict(List<Long> boundaries, List<Double> scales, String function) {
        if (boundaries.size() != scales.size()) throw Checks.about("boundaries_and_scales", "boundaries_and_scales needs a scale per boundary");
        for (int i = 0; i < boundaries.size(); i++) {
            if (i > 0 && boundaries.get(i) <= boundaries.get(i - 1)) {
                throw Checks.about("boundaries_and_scales", "boundaries_and_scales keys must be distinct and sorted");
            }
            double s = scales.get(i);
            Checks.finite("boundaries_and_scales[" + boundaries.get(i) + "]", s);
            if (!(s >= 0)) {
                throw Checks.fail("boundaries_and_scales[" + boundaries.get(i) + "]", s, "must be >= 0: optax's " + function
                        + " expects non-negative scale factors");
            }
        }
    }

    @Override
    public double at(long step) {
        return Fns.piecewiseConstant(initValue, boundaries, scales, Py.clamp(step));
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
        return Py.call("optax.piecewise_constant_schedule", Py.kw("init_value", initValue),
                boundaries.isEmpty() ? null : "boundaries_and_scales=" + Py.dict(boundaries, scales));
    }

    /**
     * multistep(init, at=[…], gamma=g) when every scale is the same g and no boundary is negative; otherwise the
     * cumulative products one after another, each from its boundary on.
     */
    @Override
    public Form nativeForm() {
        if (boundaries.isEmpty()) return Form.of(new Constant(initValue));
        if (scales.stream().distinct().count() == 1 && boundaries.getFirst() >= 0) {
            return Form.of(new MultiStep(initValue, boundaries, scales.getFirst()));
        }
        List<Schedule> values = new ArrayList<>(List.of(new Constant(initValue)));
        double v = initValue;
        for (double s : scales) values.add(new Constant(v = s * v));
        return Segments.join(values, boundaries.stream().map(b -> Math.max(b, 0)).toList());
    }

    @Override
    public String toString() {
        return spec();
    }
}
