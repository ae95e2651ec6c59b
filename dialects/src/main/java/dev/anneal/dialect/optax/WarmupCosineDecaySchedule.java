package dev.anneal.dialect.optax;

import dev.anneal.spec.Form;
import dev.anneal.convert.Portable;
import dev.anneal.dialect.Py;
import dev.anneal.schedule.Checks;
import dev.anneal.schedule.Cosine;
import dev.anneal.schedule.Linear;
import dev.anneal.schedule.Range;
import dev.anneal.schedule.Schedule;
import dev.anneal.schedule.Then;

import java.util.OptionalLong;

/**
 * {@code optax.warmup_cosine_decay_schedule(init_value, peak_value, warmup_steps, decay_steps, end_value=0.0,
 * exponent=1.0)}: join_schedules of linear_schedule(init → peak over warmup_steps) and cosine_decay_schedule(peak,
 * decay_steps − warmup_steps, alpha = end_value/peak_value) at warmup_steps. decay_steps counts the warmup. With
 * peak_value 0, alpha is 0 and end_value is ignored, as in optax.
 */
record WarmupCosineDecaySchedule(double initValue, double peakValue, long warmupSteps, long decaySteps, double endValue,
                                 double exponent) implements Portable {
    static final double END_VALUE = 0.0;

    WarmupCosineDecaySchedule {
        Checks.finite("init_value", initValue);
        Checks.finite("peak_value", peakValue);
        Checks.nonNegative("warmup_steps", warmupSteps);
        if (!(decaySteps > warmupSteps)) {
            throw Checks.fail("decay_steps", String.valueOf(decaySteps), "must be > warmup_steps (" + warmupSteps
                    + "): it counts the warmup, and optax's cosine part needs decay_steps − warmup_steps > 0");
        }
        Checks.finite("end_value", endValue);
        Checks.nonNegative("exponent", exponent);
        // optax's alpha = end_value / peak_value: a subnormal peak makes it infinite, and the cosine part ∞ − ∞.
        if (peakValue != 0 && !Double.isFinite(endValue / peakValue)) {
            throw Checks.fail("peak_value", peakValue, "is too small for end_value (" + Checks.format(endValue)
                    + "): optax's alpha, end_value / peak_value, is not finite");
        }
    }

    /** {@code alpha = 0.0 if peak_value == 0.0 else end_value / peak_value}. */
    double alpha() {
        return peakValue == 0.0 ? 0.0 : endValue / peakValue;
    }

    @Override
    public double at(long step) {
        long count = Py.clamp(step);
        if (count < warmupSteps) return Fns.polynomial(initValue, peakValue, 1, warmupSteps, 0, count);
        return Fns.cosine(peakValue, decaySteps - warmupSteps, alpha(), exponent, count - warmupSteps);
    }

    @Override
    public OptionalLong duration() {
        return OptionalLong.of(decaySteps);
    }

    @Override
    public Range range() {
        return Range.hull(initValue, peakValue, peakValue * alpha());
    }

    @Override
    public String spec() {
        return Py.call("optax.warmup_cosine_decay_schedule", Py.kw("init_value", initValue), Py.kw("peak_value", peakValue),
                Py.kw("warmup_steps", warmupSteps), Py.kw("decay_steps", decaySteps), Py.kw("end_value", endValue, END_VALUE),
                Py.kw("exponent", exponent, CosineDecaySchedule.EXPONENT));
    }

    /** The dict sgdr_schedule writes for this cycle. */
    String kwargs() {
        var entries = new java.util.LinkedHashMap<String, String>();
        entries.put("init_value", Py.num(initValue));
        entries.put("peak_value", Py.num(peakValue));
        entries.put("warmup_steps", Long.toString(warmupSteps));
        entries.put("decay_steps", Long.toString(decaySteps));
        if (Double.compare(endValue, END_VALUE) != 0) entries.put("end_value", Py.num(endValue));
        if (Double.compare(exponent, CosineDecaySchedule.EXPONENT) != 0) entries.put("exponent", Py.num(exponent));
        return Py.stringDict(entries);
    }

    /** linear(init, peak, steps=w) then cosine(peak, steps=T − w, floor=peak·alpha), when exponent is 1. */
    @Override
    public Form nativeForm() {
        if (exponent != 1) return Form.none("exponent (" + Py.num(exponent) + ") raises the cosine to a power; native cosine has none");
        Schedule cosine = new Cosine(peakValue, decaySteps - warmupSteps, peakValue * alpha());
        return Form.of(warmupSteps == 0 ? cosine : new Then(new Linear(initValue, peakValue, warmupSteps), cosine));
    }

    @Override
    public String toString() {
        return spec();
    }
}
