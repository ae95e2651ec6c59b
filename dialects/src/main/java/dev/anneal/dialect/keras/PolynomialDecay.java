package dev.anneal.dialect.keras;

import dev.anneal.spec.Form;
import dev.anneal.convert.Portable;
import dev.anneal.dialect.Py;
import dev.anneal.schedule.Checks;
import dev.anneal.schedule.Polynomial;
import dev.anneal.schedule.Range;

import java.util.OptionalLong;

/**
 * {@code keras.PolynomialDecay(initial_learning_rate, decay_steps, end_learning_rate=0.0001, power=1.0, cycle=False)}:
 * (lr − end)·(1 − min(step, T)/T)^power + end. With cycle, T grows to the first multiple of decay_steps that is
 * ≥ step ({@code ceil(step/decay_steps)}, 1 at step 0), so a new cycle starts below lr and a multiple of
 * decay_steps still reads end_learning_rate.
 */
record PolynomialDecay(double initialLearningRate, long decaySteps, double endLearningRate, double power, boolean cycle)
        implements Portable {
    static final double END_LEARNING_RATE = 0.0001;
    static final double POWER = 1.0;

    PolynomialDecay {
        Checks.finite("initial_learning_rate", initialLearningRate);
        Keras.checkDecaySteps("decay_steps", decaySteps);
        Checks.finite("end_learning_rate", endLearningRate);
        Checks.nonNegative("power", power);
    }

    @Override
    public double at(long step) {
        double global = Py.clamp(step);
        double steps = decaySteps;
        if (cycle) {
            double multiplier = global == 0 ? 1.0 : Math.ceil(global / decaySteps);
            steps = steps * multiplier;
        } else {
            global = Math.min(global, steps);
        }
        // At most 1: with cycle, ceil(global/decay_steps)·decay_steps ≥ global, but rounding far out (step 2⁶²)
        // can put the product below global, and (1 − p)^power of a negative base is NaN.
        double p = Math.min(global / steps, 1);
        double w = Math.pow(1 - p, power), span = initialLearningRate - endLearningRate;
        if (w == 0) return endLearningRate; // and not ∞·0 where the span overflows
        return Double.isFinite(span) ? span * w + endLearningRate : initialLearningRate * w + endLearningRate * (1 - w);
    }

    @Override
    public OptionalLong duration() {
        return cycle ? OptionalLong.empty() : OptionalLong.of(decaySteps);
    }

    @Override
    public Range range() {
        return Range.hull(initialLearningRate, endLearningRate);
    }

    @Override
    public String spec() {
        return Py.call("keras.PolynomialDecay", Py.kw("initial_learning_rate", initialLearningRate), Py.kw("decay_steps", decaySteps),
                Py.kw("end_learning_rate", endLearningRate, END_LEARNING_RATE), Py.kw("power", power, POWER),
                cycle ? "cycle=True" : null);
    }

    /** polynomial(lr, end=end_learning_rate, steps=decay_steps, power=power), without cycle and for power &gt; 0. */
    @Override
    public Form nativeForm() {
        if (cycle) return Form.none("cycle=True stretches decay_steps to the next multiple past the step; no native family does");
        if (!(power > 0)) return Form.none("power 0 holds initial_learning_rate until decay_steps; native polynomial needs power > 0");
        return Form.of(new Polynomial(initialLearningRate, endLearningRate, decaySteps, power));
    }

    @Override
    public String toString() {
        return spec();
    }
}
