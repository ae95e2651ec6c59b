package dev.anneal.dialect.optax;

import dev.anneal.spec.Form;
import dev.anneal.convert.Portable;
import dev.anneal.dialect.Py;
import dev.anneal.schedule.Checks;
import dev.anneal.schedule.Clamp;
import dev.anneal.schedule.Constant;
import dev.anneal.schedule.Exponential;
import dev.anneal.schedule.HalfLife;
import dev.anneal.schedule.Range;
import dev.anneal.schedule.Schedule;
import dev.anneal.schedule.Step;

/**
 * {@code optax.exponential_decay(init_value, transition_steps, decay_rate, transition_begin=0, staircase=False,
 * end_value=None)}: init·decay_rate^((c − begin)/T) (the exponent floored with staircase), clipped at end_value
 * (a lower bound when decay_rate &lt; 1, else an upper bound). As in optax, transition_steps = 0 or decay_rate = 0
 * gives the constant init_value, unclipped. {@code endValue} is null for None.
 */
record ExponentialDecay(double initValue, long transitionSteps, double decayRate, long transitionBegin, boolean staircase,
                        Double endValue) implements Portable {
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
    public Form nativeForm() {
        if (transitionSteps == 0 || decayRate == 0) return Form.of(new Constant(initValue));
        Schedule decay;
        if (staircase) decay = new Step(initValue, transitionSteps, decayRate);
        else if (transitionSteps == 1) decay = new Exponential(initValue, decayRate);
        // rate^(t/T) = 2^(−t/h): the half-life form keeps the exponent exact where a per-step gamma would drift
        else if (decayRate < 1) decay = new HalfLife(initValue, transitionSteps * Math.log(2) / -Math.log(decayRate));
        else return Form.none("decay_rate (" + Py.num(decayRate) + ") > 1 grows by decay_rate^(1/transition_steps) per step; "
                    + "native exponential with a rounded gamma drifts from it");
        if (endValue != null) decay = decayRate < 1 ? new Clamp(decay, endValue, Double.POSITIVE_INFINITY)
                : new Clamp(decay, Double.NEGATIVE_INFINITY, endValue);
        return Form.of(PolynomialSchedule.delayed(initValue, transitionBegin, decay));
    }

    @Override
    public String toString() {
        return spec();
    }
}
