package dev.anneal.dialect.optax;

import dev.anneal.schedule.Checks;
import dev.anneal.schedule.Constant;
import dev.anneal.schedule.Exponential;
import dev.anneal.schedule.Framework;
import dev.anneal.schedule.Range;
import dev.anneal.schedule.Schedule;
import dev.anneal.schedule.Step;

import java.util.Optional;

/**
 * {@code optax.exponential_decay(init_value, transition_steps, decay_rate, transition_begin=0, staircase=False,
 * end_value=None)}: init·decay_rate^((c − begin)/T) (the exponent floored with staircase), clipped at end_value
 * (a lower bound when decay_rate &lt; 1, else an upper bound). As in optax, transition_steps = 0 or decay_rate = 0
 * gives the constant init_value, unclipped. {@code endValue} is null for None.
 */
record ExponentialDecay(double initValue, long transitionSteps, double decayRate, long transitionBegin, boolean staircase,
                        Double endValue) implements Framework {
    ExponentialDecay {
        check(initValue, transitionSteps, decayRate, transitionBegin, endValue);
    }

    static void check(double initValue, long transitionSteps, double decayRate, long transitionBegin, Double endValue) {
        Checks.finite("init_value", initValue);
        if (transitionSteps < 0) throw Checks.fail("transition_steps", transitionSteps, "must be >= 0 (0 holds init_value, as in optax)");
        Checks.nonNegative("decay_rate", decayRate);
        Checks.nonNegative("transition_begin", transitionBegin);
        if (endValue != null) Checks.finite("end_value", endValue);
    }

    @Override
    public double at(long step) {
        return Fns.exponential(initValue, transitionSteps, decayRate, transitionBegin, staircase, endValue, Py.clamp(step));
    }

    @Override
    public Range range() {
        return Fns.exponentialRange(initValue, transitionSteps, decayRate, endValue);
    }

    @Override
    public String spec() {
        return Py.call("optax.exponential_decay", Py.kw("init_value", initValue), Py.kw("transition_steps", transitionSteps),
                Py.kw("decay_rate", decayRate), transitionBegin == 0 ? null : Py.kw("transition_begin", transitionBegin),
                staircase ? "staircase=True" : null, endValue == null ? null : Py.kw("end_value", endValue));
    }

    /** step(init, every=T, gamma=rate) with staircase, exponential(init, gamma=rate) with T = 1; no begin, no end_value. */
    @Override
    public Optional<Schedule> toNative() {
        if (transitionSteps == 0 || decayRate == 0) return Optional.of(new Constant(initValue));
        if (transitionBegin != 0 || endValue != null) return Optional.empty();
        if (staircase) return Optional.of(new Step(initValue, transitionSteps, decayRate));
        return transitionSteps == 1 ? Optional.of(new Exponential(initValue, decayRate)) : Optional.empty();
    }

    @Override
    public String toString() {
        return spec();
    }
}
