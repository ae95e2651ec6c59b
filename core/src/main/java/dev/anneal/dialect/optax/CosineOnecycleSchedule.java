package dev.anneal.dialect.optax;

import dev.anneal.dialect.Py;
import dev.anneal.convert.Form;
import dev.anneal.convert.Portable;
import dev.anneal.schedule.Range;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * {@code optax.cosine_onecycle_schedule(transition_steps, peak_value, pct_start=0.3, div_factor=25.0,
 * final_div_factor=1e4)}: piecewise_interpolate_schedule('cosine', peak/div, {int(pct_start·T): div,
 * int(T): 1/(div·final_div)}): up to peak_value, then down to peak/(div·final_div).
 */
record CosineOnecycleSchedule(long transitionSteps, double peakValue, double pctStart, double divFactor, double finalDivFactor)
        implements Portable {

    CosineOnecycleSchedule {
        LinearOnecycleSchedule.checkOnecycle(transitionSteps, peakValue, pctStart, divFactor, finalDivFactor, "cosine");
    }

    TreeMap<Long, Double> dict() {
        TreeMap<Long, Double> dict = new TreeMap<>();
        dict.put((long) (pctStart * transitionSteps), divFactor);
        dict.put(transitionSteps, 1.0 / (divFactor * finalDivFactor));
        return dict;
    }

    @Override
    public double at(long step) {
        TreeMap<Long, Double> dict = dict();
        return Fns.piecewiseInterpolate(true, peakValue / divFactor, new ArrayList<>(dict.keySet()), new ArrayList<>(dict.values()),
                Py.clamp(step));
    }

    @Override
    public OptionalLong duration() {
        return OptionalLong.of(Math.max(0, dict().lastKey()));
    }

    @Override
    public Range range() {
        return Fns.cumulativeRange(peakValue / divFactor, List.copyOf(dict().values()));
    }

    @Override
    public String spec() {
        return Py.call("optax.cosine_onecycle_schedule", Py.kw("transition_steps", transitionSteps), Py.kw("peak_value", peakValue),
                Py.kw("pct_start", pctStart, LinearOnecycleSchedule.PCT_START),
                Py.kw("div_factor", divFactor, LinearOnecycleSchedule.DIV_FACTOR),
                Py.kw("final_div_factor", finalDivFactor, LinearOnecycleSchedule.FINAL_DIV_FACTOR));
    }

    @Override
    public Form nativeForm() {
        TreeMap<Long, Double> dict = dict();
        return PiecewiseInterpolateSchedule.nativeForm(true, peakValue / divFactor, List.copyOf(dict.keySet()), List.copyOf(dict.values()));
    }

    @Override
    public String toString() {
        return spec();
    }
}
