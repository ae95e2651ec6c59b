package dev.anneal.dialect.hf;

import dev.anneal.dialect.Py;
import dev.anneal.schedule.Checks;
import dev.anneal.spec.Form;
import dev.anneal.convert.Portable;
import dev.anneal.schedule.Range;

/**
 * {@code hf.get_cosine_with_min_lr_schedule_with_warmup_lr_rate(lr, num_warmup_steps, num_training_steps,
 * num_cycles=0.5, min_lr=None, min_lr_rate=None, warmup_lr_rate=None)}: the variant whose warmup starts at
 * lr/num_warmup_steps (or lr·warmup_lr_rate) and whose cosine runs one step ahead, reaching its floor at step
 * num_training_steps − 1.
 */
record CosineWithMinLrRate(double lr, long numWarmupSteps, long numTrainingSteps, double numCycles, Double minLr,
                           Double minLrRate, Double warmupLrRate) implements Portable {

    CosineWithMinLrRate {
        Checks.finite("lr", lr);
        Checks.nonNegative("num_warmup_steps", numWarmupSteps);
        Checks.nonNegative("num_training_steps", numTrainingSteps);
        Lambdas.checkCycles(numCycles);
        CosineWithMinLr.checkMinLr(lr, minLr, minLrRate);
        if (warmupLrRate != null) Checks.finite("warmup_lr_rate", warmupLrRate);
    }

    double rate() {
        return CosineWithMinLr.rate(lr, minLr, minLrRate);
    }

    @Override
    public double at(long step) {
        return lr * Lambdas.cosineWithMinLrRate(Py.clamp(step), numWarmupSteps, numTrainingSteps, numCycles, rate(), warmupLrRate);
    }

    @Override
    public Range range() {
        return Range.hull(0, lr, lr * rate(), warmupLrRate == null ? 0 : lr * warmupLrRate);
    }

    @Override
    public String spec() {
        return Py.call("hf.get_cosine_with_min_lr_schedule_with_warmup_lr_rate", Py.kw("lr", lr),
                Py.kw("num_warmup_steps", numWarmupSteps), Py.kw("num_training_steps", numTrainingSteps),
                Py.kw("num_cycles", numCycles, CosineWithWarmup.NUM_CYCLES),
                minLr == null ? null : Py.kw("min_lr", minLr), minLrRate == null ? null : Py.kw("min_lr_rate", minLrRate),
                warmupLrRate == null ? null : Py.kw("warmup_lr_rate", warmupLrRate));
    }

    @Override
    public Form nativeForm() {
        return Form.none(CosineWithWarmup.WAVE);
    }

    @Override
    public String toString() {
        return spec();
    }
}
