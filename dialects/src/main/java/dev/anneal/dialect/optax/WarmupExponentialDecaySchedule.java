package dev.anneal.dialect.optax;

import dev.anneal.dialect.Py;
import dev.anneal.schedule.Checks;
import dev.anneal.spec.Form;
import dev.anneal.convert.Portable;
import dev.anneal.schedule.Linear;
import dev.anneal.schedule.Range;
import dev.anneal.schedule.Then;

/**
 * {@code optax.warmup_exponential_decay_schedule(init_value, peak_value, warmup_steps, transition_steps, decay_rate,
 * transition_begin=0, staircase=False, end_value=None)}: join_schedules of linear_schedule(init → peak over
 * warmup_steps) and exponential_decay(peak_value, …) at warmup_steps.
 */
record WarmupExponentialDecaySchedule(double initValue, double peakValue, long warmupSteps, long transitionSteps,
                                      double decayRate, long transitionBegin, boolean staircase, Double endValue)
        implements Portable {
    WarmupExponentialDecaySchedule {
        Checks.finite("init_value", initValue);
        Checks.finite("peak_value", peakValue);
        Checks.nonNegative("warmup_steps", warmupSteps);
        ExponentialDecay.check(peakValue, transitionSteps, decayRate, transitionBegin, endValue);
    }

    @Override
    public double at(long step) {
        long count = Py.clamp(step);
        if (count < warmupSteps) return Fns.polynomial(initValue, peakValue, 1, warmupSteps, 0, count);
        return Fns.exponential(peakValue, transitionSteps, decayRate, transitionBegin, staircase, endValue, count - warmupSteps);
    }

    @Override
    public Range range() {
        Range decay = Fns.exponentialRange(peakValue, transitionSteps, decayRate, endValue);
        return warmupSteps > 0 ? decay.union(Range.hull(initValue, peakValue)) : decay;
    }

    @Override
    public String spec() {
        return Py.call("optax.warmup_exponential_decay_schedule", Py.kw("init_value", initValue), Py.kw("peak_value", peakValue),
                Py.kw("warmup_steps", warmupSteps), Py.kw("transition_steps", transitionSteps), Py.kw("decay_rate", decayRate),
                transitionBegin == 0 ? null : Py.kw("transition_begin", transitionBegin), staircase ? "staircase=True" : null,
                endValue == null ? null : Py.kw("end_value", endValue));
    }

    @Override
    public Form nativeForm() {
        Form decay = new ExponentialDecay(peakValue, transitionSteps, decayRate, transitionBegin, staircase, endValue).nativeForm();
        if (warmupSteps == 0 || !(decay instanceof Form.Found found)) return decay;
        return Form.of(new Then(new Linear(initValue, peakValue, warmupSteps), found.schedule()));
    }

    @Override
    public String toString() {
        return spec();
    }
}
