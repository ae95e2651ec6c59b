package dev.anneal.dialect.hf;

import dev.anneal.schedule.InvalidInputException;

import dev.anneal.dialect.Py;
import dev.anneal.schedule.Checks;
import dev.anneal.spec.Form;
import dev.anneal.convert.Portable;
import dev.anneal.schedule.Range;

/**
 * {@code hf.get_cosine_with_min_lr_schedule_with_warmup(lr, num_warmup_steps, num_training_steps, num_cycles=0.5,
 * min_lr=None, min_lr_rate=None)}: as get_cosine_schedule_with_warmup, but the cosine runs between lr and
 * lr·min_lr_rate (min_lr_rate = min_lr/lr when min_lr is given). Exactly one of min_lr and min_lr_rate is set; the
 * other is null. Like the plain cosine it goes on past num_training_steps.
 */
record CosineWithMinLr(double lr, long numWarmupSteps, long numTrainingSteps, double numCycles, Double minLr,
                       Double minLrRate) implements Portable {

    CosineWithMinLr {
        Checks.finite("lr", lr);
        Checks.nonNegative("num_warmup_steps", numWarmupSteps);
        Checks.nonNegative("num_training_steps", numTrainingSteps);
        Lambdas.checkCycles(numCycles);
        checkMinLr(lr, minLr, minLrRate);
    }

    /** transformers' rule: exactly one of min_lr and min_lr_rate; min_lr is divided by lr. */
    static void checkMinLr(double lr, Double minLr, Double minLrRate) {
        if (minLr != null && minLrRate != null) {
            throw Checks.about("min_lr", "min_lr and min_lr_rate are both set; transformers takes only one of them");
        }
        if (minLr == null && minLrRate == null) {
            throw InvalidInputException.of("one of min_lr or min_lr_rate must be set, as transformers requires");
        }
        if (minLr != null) {
            Checks.finite("min_lr", minLr);
            if (lr == 0) throw Checks.fail("lr", lr, "must not be 0 when min_lr is given: transformers divides min_lr by it");
            if (!Double.isFinite(minLr / lr)) {
                throw Checks.fail("min_lr", minLr, "is too large for lr (" + Checks.format(lr) + "): min_lr / lr, transformers' min_lr_rate, is not finite");
            }
        } else {
            Checks.finite("min_lr_rate", minLrRate);
        }
    }

    double rate() {
        return rate(lr, minLr, minLrRate);
    }

    /** min_lr_rate, or transformers' {@code min_lr / optimizer.defaults["lr"]}: the one given of the two. */
    static double rate(double lr, Double minLr, Double minLrRate) {
        return minLrRate != null ? minLrRate : minLr / lr;
    }

    @Override
    public double at(long step) {
        return lr * Lambdas.cosineWithWarmup(Py.clamp(step), numWarmupSteps, numTrainingSteps, numCycles, rate());
    }

    @Override
    public Range range() {
        return Range.hull(0, lr, lr * rate());
    }

    @Override
    public String spec() {
        return Py.call("hf.get_cosine_with_min_lr_schedule_with_warmup", Py.kw("lr", lr),
                Py.kw("num_warmup_steps", numWarmupSteps), Py.kw("num_training_steps", numTrainingSteps),
                Py.kw("num_cycles", numCycles, CosineWithWarmup.NUM_CYCLES),
                minLr == null ? null : Py.kw("min_lr", minLr), minLrRate == null ? null : Py.kw("min_lr_rate", minLrRate));
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
