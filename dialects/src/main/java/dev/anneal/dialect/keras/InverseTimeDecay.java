package dev.anneal.dialect.keras;

import dev.anneal.spec.Form;
import dev.anneal.convert.Portable;
import dev.anneal.dialect.Py;
import dev.anneal.schedule.Checks;
import dev.anneal.schedule.InverseTime;
import dev.anneal.schedule.Range;

/**
 * {@code keras.InverseTimeDecay(initial_learning_rate, decay_steps, decay_rate, staircase=False)}:
 * lr/(1 + decay_rate·step/decay_steps), the ratio floored with staircase ({@code InverseTimeDecay.__call__}).
 */
record InverseTimeDecay(double initialLearningRate, long decaySteps, double decayRate, boolean staircase) implements Portable {
    InverseTimeDecay {
        Checks.finite("initial_learning_rate", initialLearningRate);
        Keras.checkDecaySteps("decay_steps", decaySteps);
        Checks.nonNegative("decay_rate", decayRate);
    }

    @Override
    public double at(long step) {
        double p = (double) Py.clamp(step) / (double) decaySteps;
        if (staircase) p = Math.floor(p);
        double denom = 1.0 + decayRate * p;
        return initialLearningRate / denom;
    }

    @Override
    public Range range() {
        return decayRate == 0 ? Range.point(initialLearningRate) : Range.hull(initialLearningRate, 0);
    }

    @Override
    public String spec() {
        return Py.call("keras.InverseTimeDecay", Py.kw("initial_learning_rate", initialLearningRate), Py.kw("decay_steps", decaySteps),
                Py.kw("decay_rate", decayRate), staircase ? "staircase=True" : null);
    }

    /** inverse_time(lr, k=decay_rate/decay_steps, power=1), without staircase. */
    @Override
    public Form nativeForm() {
        return staircase ? Form.none("staircase=True holds each value for decay_steps steps; "
                + "native inverse_time changes at every step") : Form.of(new InverseTime(initialLearningRate, decayRate / decaySteps, 1));
    }

    @Override
    public String toString() {
        return spec();
    }
}
