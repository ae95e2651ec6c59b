package dev.anneal.dialect.hf;

import dev.anneal.dialect.Py;
import dev.anneal.dialect.Waves;
import dev.anneal.schedule.Checks;
import dev.anneal.convert.Form;
import dev.anneal.convert.Portable;
import dev.anneal.schedule.Range;
import dev.anneal.schedule.Schedule;
import dev.anneal.schedule.Warmup;

/**
 * {@code hf.get_cosine_schedule_with_warmup(lr, num_warmup_steps, num_training_steps, num_cycles=0.5)}: linear warmup,
 * then lr·max(0, (1 + cos(2π·num_cycles·p))/2) with p = (k − w)/max(1, T − w). Nothing stops p at 1: after
 * num_training_steps the cosine goes on (with the default num_cycles it rises back towards lr), so the schedule has
 * no native equivalent and never ends.
 */
record CosineWithWarmup(double lr, long numWarmupSteps, long numTrainingSteps, double numCycles) implements Portable {
    static final double NUM_CYCLES = 0.5;

    CosineWithWarmup {
        Checks.finite("lr", lr);
        Checks.nonNegative("num_warmup_steps", numWarmupSteps);
        Checks.nonNegative("num_training_steps", numTrainingSteps);
        Checks.finite("num_cycles", numCycles);
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
        Form wave = wave(lr, numWarmupSteps, numTrainingSteps, numCycles);
        if (numWarmupSteps == 0 || !(wave instanceof Form.Found(Schedule cosine))) return wave;
        return Form.of(new Warmup(numWarmupSteps, cosine));
    }

    /**
     * lr·(1 + cos(2π·num_cycles·p))/2 after the warmup, p = k/max(1, T − w), without end: {@link Waves#cosine} with
     * half period max(1, T − w)/(2·num_cycles), where that is a whole number of steps.
     */
    static Form wave(double lr, long numWarmupSteps, long numTrainingSteps, double numCycles) {
        double half = Math.max(1, numTrainingSteps - numWarmupSteps) / (2 * numCycles);
        if (!(half >= 1 && half == Math.rint(half))) {
            return Form.none("num_cycles (" + Py.num(numCycles) + ") puts the cosine's minima " + Py.num(half)
                    + " steps apart, not a whole number of steps, and the native wave cos² needs one");
        }
        return Form.of(Waves.cosine(lr, (long) half));
    }

    @Override
    public String toString() {
        return spec();
    }
}
