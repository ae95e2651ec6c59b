package dev.anneal.dialect.hf;

import dev.anneal.spec.Form;
import dev.anneal.convert.Portable;
import dev.anneal.dialect.Py;
import dev.anneal.schedule.Checks;
import dev.anneal.schedule.Linear;
import dev.anneal.schedule.Range;
import dev.anneal.schedule.Schedule;
import dev.anneal.schedule.Warmup;

import java.util.OptionalLong;

/**
 * {@code hf.get_linear_schedule_with_warmup(lr, num_warmup_steps, num_training_steps)}: 0 → lr over the warmup, then
 * lr → 0 at num_training_steps, then 0.
 */
record LinearWithWarmup(double lr, long numWarmupSteps, long numTrainingSteps) implements Portable {
    LinearWithWarmup {
        Checks.finite("lr", lr);
        Checks.nonNegative("num_warmup_steps", numWarmupSteps);
        Checks.nonNegative("num_training_steps", numTrainingSteps);
    }

    @Override
    public double at(long step) {
        return lr * Lambdas.linearWithWarmup(Py.clamp(step), numWarmupSteps, numTrainingSteps);
    }

    @Override
    public OptionalLong duration() {
        return OptionalLong.of(Math.max(numWarmupSteps, numTrainingSteps));
    }

    @Override
    public Range range() {
        return Range.hull(0, lr);
    }

    @Override
    public String spec() {
        return Py.call("hf.get_linear_schedule_with_warmup", Py.kw("lr", lr), Py.kw("num_warmup_steps", numWarmupSteps),
                Py.kw("num_training_steps", numTrainingSteps));
    }

    /** linear(lr, 0, steps=T − w), after warmup(w, …) when there is one; only when the decay has steps. */
    @Override
    public Form nativeForm() {
        if (numTrainingSteps <= numWarmupSteps) {
            return Form.none(CosineWithHardRestarts.noDecay());
        }
        Schedule decay = new Linear(lr, 0, numTrainingSteps - numWarmupSteps);
        return Form.of(numWarmupSteps == 0 ? decay : new Warmup(numWarmupSteps, decay));
    }

    @Override
    public String toString() {
        return spec();
    }
}
