package dev.anneal.dialect.keras;

import dev.anneal.spec.Form;
import dev.anneal.convert.Portable;
import dev.anneal.dialect.Py;
import dev.anneal.schedule.Checks;
import dev.anneal.schedule.Exponential;
import dev.anneal.schedule.Range;
import dev.anneal.schedule.Step;

/**
 * {@code keras.ExponentialDecay(initial_learning_rate, decay_steps, decay_rate, staircase=False)}:
 * lr·decay_rate^(step/decay_steps), the exponent floored with staircase ({@code ExponentialDecay.__call__}).
 */
record ExponentialDecay(double initialLearningRate, long decaySteps, double decayRate, boolean staircase) implements Portable {
    ExponentialDecay {
        Checks.finite("initial_learning_rate", initialLearningRate);
        Keras.checkDecaySteps("decay_steps", decaySteps);
        Checks.nonNegative("decay_rate", decayRate);
    }

    @Override
    public double at(long step) {
        double p = (double) Py.clamp(step) / (double) decaySteps;
        if (staircase) p = Math.floor(p);
        return Exponential.decayed(initialLearningRate, decayRate, p);
    }

    @Override
    public Range range() {
        if (decayRate == 1) return Range.point(initialLearningRate);
        if (decayRate < 1) return Range.hull(initialLearningRate, 0);
        if (initialLearningRate == 0) return Range.point(0);
        return initialLearningRate > 0 ? new Range(initialLearningRate, Double.POSITIVE_INFINITY)
                : new Range(Double.NEGATIVE_INFINITY, initialLearningRate);
    }

    @Override
    public String spec() {
        return Py.call("keras.ExponentialDecay", Py.kw("initial_learning_rate", initialLearningRate), Py.kw("decay_steps", decaySteps),
                Py.kw("decay_rate", decayRate), staircase ? "staircase=True" : null);
    }

    /** step(lr, every=decay_steps, gamma=decay_rate) with staircase; exponential(lr, gamma=decay_rate) for decay_steps 1. */
    @Override
    public Form nativeForm() {
        if (staircase) return Form.of(new Step(initialLearningRate, decaySteps, decayRate));
        return decaySteps == 1 ? Form.of(new Exponential(initialLearningRate, decayRate)) : Form.none("decay_steps (" + decaySteps
                + ") > 1 without staircase decays by decay_rate^(1/decay_steps) per step; native exponential takes gamma per step, "
                + "and the power of a rounded gamma drifts");
    }

    @Override
    public String toString() {
        return spec();
    }
}
