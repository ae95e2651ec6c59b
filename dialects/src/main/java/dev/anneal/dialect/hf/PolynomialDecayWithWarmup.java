package dev.anneal.dialect.hf;

import dev.anneal.spec.Form;
import dev.anneal.convert.Portable;
import dev.anneal.dialect.Py;
import dev.anneal.schedule.Checks;
import dev.anneal.schedule.Polynomial;
import dev.anneal.schedule.Range;
import dev.anneal.schedule.Schedule;
import dev.anneal.schedule.Warmup;

import java.util.OptionalLong;

/**
 * {@code hf.get_polynomial_decay_schedule_with_warmup(lr, num_warmup_steps, num_training_steps, lr_end=1e-7,
 * power=1.0)}: linear warmup, then (lr − lr_end)·(1 − p)^power + lr_end, then lr_end. transformers divides by lr
 * and multiplies back (LambdaLR), so values are lr·(x/lr), not x.
 */
record PolynomialDecayWithWarmup(double lr, long numWarmupSteps, long numTrainingSteps, double lrEnd, double power)
        implements Portable {
    static final double LR_END = 1e-7;
    static final double POWER = 1.0;

    PolynomialDecayWithWarmup {
        Checks.finite("lr", lr);
        Checks.nonNegative("num_warmup_steps", numWarmupSteps);
        Checks.nonNegative("num_training_steps", numTrainingSteps);
        Checks.finite("lr_end", lrEnd);
        Checks.nonNegative("power", power);
        if (!(lr > lrEnd)) {
            throw Checks.fail("lr_end", lrEnd, "must be smaller than lr ("
                    + Checks.format(lr) + "), as transformers requires");
        }
        if (lr == 0) throw Checks.fail("lr", lr, "must not be 0: transformers divides by it");
        if (numTrainingSteps == numWarmupSteps) {
            throw Checks.fail("num_training_steps", String.valueOf(numTrainingSteps), "must differ from num_warmup_steps ("
                    + numWarmupSteps + "): transformers divides by their difference (ZeroDivisionError at step " + numTrainingSteps + ")");
        }
    }

    @Override
    public double at(long step) {
        return lr * Lambdas.polynomialDecayWithWarmup(Py.clamp(step), numWarmupSteps, numTrainingSteps, lrEnd, power, lr);
    }

    /** lr_end from max(w, T + 1) on; already at T unless power is 0 (0^0 = 1 keeps lr at step T). */
    @Override
    public OptionalLong duration() {
        if (numTrainingSteps < numWarmupSteps) return OptionalLong.of(numWarmupSteps);
        return OptionalLong.of(power == 0 ? Py.add(numTrainingSteps, 1) : numTrainingSteps);
    }

    @Override
    public Range range() {
        Range r = Range.hull(lr, lr * (lrEnd / lr));
        return numWarmupSteps > 0 ? r.union(Range.point(0)) : r;
    }

    @Override
    public String spec() {
        return Py.call("hf.get_polynomial_decay_schedule_with_warmup", Py.kw("lr", lr),
                Py.kw("num_warmup_steps", numWarmupSteps), Py.kw("num_training_steps", numTrainingSteps),
                Py.kw("lr_end", lrEnd, LR_END), Py.kw("power", power, POWER));
    }

    /** polynomial(lr, end=lr_end, steps=T − w, power=p), after warmup(w, …) when there is one; needs T &gt; w and p &gt; 0. */
    @Override
    public Form nativeForm() {
        if (numTrainingSteps <= numWarmupSteps) {
            return Form.none("num_training_steps (" + numTrainingSteps + ") < num_warmup_steps (" + numWarmupSteps
                    + ") drops from the warmup straight to lr_end, which no native family does");
        }
        if (!(power > 0)) return Form.none("power 0 holds lr through step num_training_steps (0^0 = 1), then drops to lr_end: "
                + "native polynomial needs power > 0");
        Schedule decay = new Polynomial(lr, lrEnd, numTrainingSteps - numWarmupSteps, power);
        return Form.of(numWarmupSteps == 0 ? decay : new Warmup(numWarmupSteps, decay));
    }

    @Override
    public String toString() {
        return spec();
    }
}
