package dev.anneal.dialect.hf;

import dev.anneal.dialect.Py;
import dev.anneal.schedule.Checks;
import dev.anneal.spec.Form;
import dev.anneal.convert.Portable;
import dev.anneal.schedule.Range;

/**
 * {@code hf.get_cosine_schedule_with_warmup(lr, num_warmup_steps, num_training_steps, num_cycles=0.5)}: linear warmup,
 * then lr·max(0, (1 + cos(2π·num_cycles·p))/2) with p = (k − w)/max(1, T − w). Nothing stops p at 1: after
 * num_training_steps the cosine goes on (with the default num_cycles it rises back towards lr), so the schedule has
 * no native equivalent and never ends.
 */
record CosineWithWarmup(double lr, long numWarmupSteps, long numTrainingSteps, double numCycles) implements Portable {
    static final double NUM_CYCLES = 0.5;

    static final String WAVE = "the cosine goes on past num_training_steps (with num_cycles 0.5 it climbs back to lr by "
            + "2·num_training_steps − num_warmup_steps), and no native family rises again after a cosine";

    CosineWithWarmup {
        Checks.finite("lr", lr);
        Checks.nonNegative("num_warmup_steps", numWarmupSteps);
        Checks.nonNegative("num_training_steps", numTrainingSteps);
        Lambdas.checkCycles(numCycles);
    }

    @Override
    public double at(long step) {
        return lr * Lambdas.cosineWithWarmup(Py.clamp(step), numWarmupSteps, numTrainingSteps, numCycles, 0.0);
    }

    @Override
    public Range range() {
        return Range.hull(0, lr);
    }

    @Override
    public String spec() {
        return Py.call("hf.get_cosine_schedule_with_warmup", Py.kw("lr", lr), Py.kw("num_warmup_steps", numWarmupSteps),
                Py.kw("num_training_steps", numTrainingSteps), Py.kw("num_cycles", numCycles, NUM_CYCLES));
    }

    @Override
    public Form nativeForm() {
        return Form.none(WAVE);
    }

    @Override
    public String toString() {
        return spec();
    }
}
