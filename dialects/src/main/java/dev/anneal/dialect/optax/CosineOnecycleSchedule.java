package dev.anneal.dialect.optax;

import dev.anneal.dialect.Py;

import java.util.List;
import java.util.TreeMap;

/**
 * {@code optax.cosine_onecycle_schedule(transition_steps, peak_value, pct_start=0.3, div_factor=25.0,
 * final_div_factor=1e4)}: piecewise_interpolate_schedule('cosine', peak/div, {int(pct_start·T): div,
 * int(T): 1/(div·final_div)}): up to peak_value, then down to peak/(div·final_div).
 */
record CosineOnecycleSchedule(long transitionSteps, double peakValue, double pctStart, double divFactor, double finalDivFactor)
        implements Interpolated {

    CosineOnecycleSchedule {
        LinearOnecycleSchedule.checkOnecycle(transitionSteps, peakValue, pctStart, divFactor, finalDivFactor, "cosine");
        LinearOnecycleSchedule.checkInterpolation(() -> interpolation(transitionSteps, peakValue, pctStart, divFactor, finalDivFactor));
    }

    /** The piecewise_interpolate_schedule optax builds: a dict of step → scale, from peak_value/div_factor. */
    @Override
    public PiecewiseInterpolateSchedule interpolation() {
        return interpolation(transitionSteps, peakValue, pctStart, divFactor, finalDivFactor);
    }

    private static PiecewiseInterpolateSchedule interpolation(long transitionSteps, double peakValue, double pctStart,
                                                              double divFactor, double finalDivFactor) {
        TreeMap<Long, Double> dict = new TreeMap<>();
        dict.put((long) (pctStart * transitionSteps), divFactor);
        dict.put(transitionSteps, 1.0 / (divFactor * finalDivFactor));
        return new PiecewiseInterpolateSchedule(true, peakValue / divFactor, List.copyOf(dict.keySet()), List.copyOf(dict.values()));
    }

    @Override
    public String spec() {
        return Py.call("optax.cosine_onecycle_schedule", Py.kw("transition_steps", transitionSteps), Py.kw("peak_value", peakValue),
                Py.kw("pct_start", pctStart, LinearOnecycleSchedule.PCT_START),
                Py.kw("div_factor", divFactor, LinearOnecycleSchedule.DIV_FACTOR),
                Py.kw("final_div_factor", finalDivFactor, LinearOnecycleSchedule.FINAL_DIV_FACTOR));
    }

    @Override
    public String toString() {
        return spec();
    }
}
