package dev.anneal.dialect.keras;

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
 * {@code keras.CosineDecay(initial_learning_rate, decay_steps, alpha=0.0, warmup_target=None, warmup_steps=0)}:
 * without warmup_target, lr·((1 − alpha)·(1 + cos(π·min(step, T)/T))/2 + alpha). With warmup_target, a linear
 * warmup from lr to warmup_target over warmup_steps, then the same decay from warmup_target. warmup_steps is
 * ignored when warmup_target is None, and lr is ignored when warmup_target is set and warmup_steps is 0.
 * {@code warmupTarget} is null for None.
 */
record CosineDecay(double initialLearningRate, long decaySteps, double alpha, Double warmupTarget, long warmupSteps)
        implements Portable {
    static final double ALPHA = 0.0;

    CosineDecay {
        Checks.finite("initial_learning_rate", initialLearningRate);
        Keras.checkDecaySteps("decay_steps", decaySteps);
        Checks.finite("alpha", alpha);
        if (warmupTarget != null) Checks.finite("warmup_target", warmupTarget);
        Checks.nonNegative("warmup_steps", warmupSteps);
    }

    @Override
    public double at(long step) {
        double global = Py.clamp(step);
        double steps = decaySteps;
        if (warmupTarget == null) {
            global = Math.min(global, steps);
            return decay(global, steps, initialLearningRate);
        }
        double target = warmupTarget, warmup = warmupSteps;
        global = Math.min(global, steps + warmup);
        if (global < warmup) {
            double completedFraction = global / warmup;
            double totalStepDelta = target - initialLearningRate;
            return totalStepDelta * completedFraction + initialLearningRate;
        }
        return decay(global - warmup, steps, target);
    }

    /** {@code CosineDecay._decay_function}. */
    private double decay(double step, double decaySteps, double decayFromLr) {
        double completedFraction = step / decaySteps;
        double cosineDecayed = 0.5 * (1.0 + Math.cos(Math.PI * completedFraction));
        double decayed = (1 - alpha) * cosineDecayed + alpha;
        return decayFromLr * decayed;
    }

    @Override
    public OptionalLong duration() {
        return OptionalLong.of(warmupTarget == null ? decaySteps : Py.add(decaySteps, warmupSteps));
    }

    @Override
    public Range range() {
        if (warmupTarget == null) return Range.hull(initialLearningRate, initialLearningRate * alpha);
        Range decay = Range.hull(warmupTarget, warmupTarget * alpha);
        return warmupSteps > 0 ? decay.union(Range.point(initialLearningRate)) : decay;
    }

    @Override
    public String spec() {
        return Py.call("keras.CosineDecay", Py.kw("initial_learning_rate", initialLearningRate), Py.kw("decay_steps", decaySteps),
                Py.kw("alpha", alpha, ALPHA), warmupTarget == null ? null : Py.kw("warmup_target", warmupTarget),
                warmupSteps == 0 ? null : Py.kw("warmup_steps", warmupSteps));
    }

    /** cosine(lr, steps=T, floor=lr·alpha), after linear(lr, warmup_target, steps=w) when there is a warmup. */
    @Override
    public Form nativeForm() {
        if (warmupTarget == null) return Form.of(new Cosine(initialLearningRate, decaySteps, initialLearningRate * alpha));
        Schedule cosine = new Cosine(warmupTarget, decaySteps, warmupTarget * alpha);
        return Form.of(warmupSteps == 0 ? cosine : new Then(new Linear(initialLearningRate, warmupTarget, warmupSteps), cosine));
    }

    @Override
    public String toString() {
        return spec();
    }
}
