package dev.anneal.dialect.hf;

import dev.anneal.spec.Form;
import dev.anneal.convert.Portable;
import dev.anneal.dialect.Py;
import dev.anneal.schedule.Checks;
import dev.anneal.schedule.Cosine;
import dev.anneal.schedule.Range;
import dev.anneal.schedule.Schedule;
import dev.anneal.schedule.Warmup;

import java.util.OptionalLong;

/**
 * {@code hf.get_cosine_with_hard_restarts_schedule_with_warmup(lr, num_warmup_steps, num_training_steps,
 * num_cycles=1)}: linear warmup, then num_cycles cosine decays lr → 0, each restarting at lr; 0 from
 * num_training_steps on. A fractional num_cycles cuts the last cycle short (Python's {@code (num_cycles·p) % 1.0}).
 */
record CosineWithHardRestarts(double lr, long numWarmupSteps, long numTrainingSteps, double numCycles) implements Portable {
    static final double NUM_CYCLES = 1;

    CosineWithHardRestarts {
        Checks.finite("lr", lr);
        Checks.nonNegative("num_warmup_steps", numWarmupSteps);
        Checks.nonNegative("num_training_steps", numTrainingSteps);
        Lambdas.checkCycles(numCycles);
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
    public Form nativeForm() {
        if (numCycles != 1) {
            return Form.none("num_cycles (" + Py.num(numCycles) + ") restarts the cosine within num_training_steps, at steps no "
                    + "native schedule ends its cycles on (sgdr restarts forever; this one stops at num_training_steps)");
        }
        if (numTrainingSteps <= numWarmupSteps) return Form.none(noDecay());
        Schedule decay = new Cosine(lr, numTrainingSteps - numWarmupSteps, 0);
        return Form.of(numWarmupSteps == 0 ? decay : new Warmup(numWarmupSteps, decay));
    }

    static String noDecay() {
        return "num_training_steps <= num_warmup_steps leaves no decay: the lr drops from the warmup straight to 0, which no "
                + "native family does";
    }

    @Override
    public String toString() {
        return spec();
    }
}
