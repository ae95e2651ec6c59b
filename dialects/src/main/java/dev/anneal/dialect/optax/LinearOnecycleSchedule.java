package dev.anneal.dialect.optax;

import dev.anneal.schedule.InvalidInputException;

import dev.anneal.dialect.Py;
import dev.anneal.schedule.Checks;

import java.util.List;
import java.util.TreeMap;

/**
 * {@code optax.linear_onecycle_schedule(transition_steps, peak_value, pct_start=0.3, pct_final=0.85, div_factor=25.0,
 * final_div_factor=1e4)}: piecewise_interpolate_schedule('linear', peak/div, {int(pct_start·T): div,
 * int(pct_final·T): 1/div, T: 1/final_div}). Keys that coincide overwrite one another as in a Python dict literal,
 * and the schedule ends at peak/(div·final_div).
 */
record LinearOnecycleSchedule(long transitionSteps, double peakValue, double pctStart, double pctFinal, double divFactor,
                              double finalDivFactor) implements Interpolated {
    static final double PCT_START = 0.3, PCT_FINAL = 0.85, DIV_FACTOR = 25.0, FINAL_DIV_FACTOR = 1e4;

    LinearOnecycleSchedule {
        checkOnecycle(transitionSteps, peakValue, pctStart, divFactor, finalDivFactor, "linear");
        Checks.finite("pct_final", pctFinal);
        checkInterpolation(() -> interpolation(transitionSteps, peakValue, pctStart, pctFinal, divFactor, finalDivFactor));
    }

    /** Builds optax's interpolation once, so that factors whose products overflow are refused now, by name. */
    static void checkInterpolation(java.util.function.Supplier<PiecewiseInterpolateSchedule> interpolation) {
        try {
            interpolation.get();
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("div_factor and final_div_factor are too extreme for peak_value: " + e.getMessage(), e);
        }
    }

    static void checkOnecycle(long transitionSteps, double peakValue, double pctStart, double divFactor, double finalDivFactor,
                              String kind) {
        if (transitionSteps <= 0) throw Checks.fail("transition_steps", transitionSteps, "must be > 0, as optax's " + kind + " onecycle requires");
        Checks.finite("peak_value", peakValue);
        Checks.finite("pct_start", pctStart);
        Checks.positive("div_factor", divFactor);
        Checks.positive("final_div_factor", finalDivFactor);
    }

    /**
     * The piecewise_interpolate_schedule optax builds: a dict of step → scale, from peak_value/div_factor (a TreeMap's
     * put overwrites like the dict literal, so keys that coincide keep the last scale).
     */
    @Override
    public PiecewiseInterpolateSchedule interpolation() {
        return interpolation(transitionSteps, peakValue, pctStart, pctFinal, divFactor, finalDivFactor);
    }

    private static PiecewiseInterpolateSchedule interpolation(long transitionSteps, double peakValue, double pctStart, double pctFinal,
                                                              double divFactor, double finalDivFactor) {
        TreeMap<Long, Double> dict = new TreeMap<>();
        dict.put((long) (pctStart * transitionSteps), divFactor);
        dict.put((long) (pctFinal * transitionSteps), 1.0 / divFactor);
        dict.put(transitionSteps, 1.0 / finalDivFactor);
        return new PiecewiseInterpolateSchedule(false, peakValue / divFactor, List.copyOf(dict.keySet()), List.copyOf(dict.values()));
    }

    @Override
    public String spec() {
        return Py.call("optax.linear_onecycle_schedule", Py.kw("transition_steps", transitionSteps), Py.kw("peak_value", peakValue),
                Py.kw("pct_start", pctStart, PCT_START), Py.kw("pct_final", pctFinal, PCT_FINAL),
                Py.kw("div_factor", divFactor, DIV_FACTOR), Py.kw("final_div_factor", finalDivFactor, FINAL_DIV_FACTOR));
    }

    @Override
    public String toString() {
        return spec();
    }
}
