package dev.anneal.dialect.hf;

import dev.anneal.schedule.Checks;
import dev.anneal.schedule.Cosine;
import dev.anneal.schedule.Framework;
import dev.anneal.schedule.Range;
import dev.anneal.schedule.Schedule;
import dev.anneal.schedule.Warmup;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code hf.get_cosine_with_hard_restarts_schedule_with_warmup(lr, num_warmup_steps, num_training_steps,
 * num_cycles=1)}: linear warmup, then num_cycles cosine decays lr → 0, each restarting at lr; 0 from
 * num_training_steps on. A fractional num_cycles cuts the last cycle short (Python's {@code (num_cycles·p) % 1.0}).
 */
record CosineWithHardRestarts(double lr, long numWarmupSteps, long numTrainingSteps, double numCycles) implements Framework {
    static final double NUM_CYCLES = 1;

    CosineWithHardRestarts {
        Checks.finite("lr", lr);
        Checks.nonNegative("num_warmup_steps", numWarmupSteps);
        Checks.nonNegative("num_training_steps", numTrainingSteps);
        Checks.finite("num_cycles", numCycles);
    }

    @Override
    public double at(long step) {
        return lr * Lambdas.cosineWithHardRestarts(Py.clamp(step), numWarmupSteps, numTrainingSteps, numCycles);
    }

    /** Progress reaches 1, and the value 0, at w + max(1, T − w). */
    @Override
    public OptionalLong duration() {
        return OptionalLong.of(Py.add(numWarmupSteps, Math.max(1, numTrainingSteps - numWarmupSteps)));
    }

    @Override
    public Range range() {
        return Range.hull(0, lr);
    }

    @Override
    public String spec() {
        return Py.call("hf.get_cosine_with_hard_restarts_schedule_with_warmup", Py.kw("lr", lr),
                Py.kw("num_warmup_steps", numWarmupSteps), Py.kw("num_training_steps", numTrainingSteps),
                Py.kw("num_cycles", numCycles, NUM_CYCLES));
    }

    /** With one cycle: cosine(lr, steps=T − w), after warmup(w, …) when there is one. */
    @Override
    public Optional<Schedule> toNative() {
        if (numCycles != 1 || numTrainingSteps <= numWarmupSteps) return Optional.empty();
        Schedule decay = new Cosine(lr, numTrainingSteps - numWarmupSteps, 0);
        return Optional.of(numWarmupSteps == 0 ? decay : new Warmup(numWarmupSteps, decay));
    }

    @Override
    public String toString() {
        return spec();
    }
}
