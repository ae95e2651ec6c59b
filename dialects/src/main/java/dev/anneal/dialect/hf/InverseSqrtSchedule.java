package dev.anneal.dialect.hf;

import dev.anneal.spec.Form;
import dev.anneal.convert.Portable;
import dev.anneal.dialect.Py;
import dev.anneal.schedule.Checks;
import dev.anneal.schedule.InverseTime;
import dev.anneal.schedule.Range;
import dev.anneal.schedule.Schedule;
import dev.anneal.schedule.Warmup;

/**
 * {@code hf.get_inverse_sqrt_schedule(lr, num_warmup_steps, timescale=None)}: linear warmup, then
 * lr/√((k + timescale − w)/timescale). An omitted timescale is {@code num_warmup_steps or 10_000}: num_warmup_steps,
 * or 10000 when that is 0. The record holds the resolved timescale.
 */
record InverseSqrtSchedule(double lr, long numWarmupSteps, long timescale) implements Portable {
    static final long TIMESCALE_WITHOUT_WARMUP = 10_000;

    InverseSqrtSchedule {
        Checks.finite("lr", lr);
        Checks.nonNegative("num_warmup_steps", numWarmupSteps);
        Checks.positive("timescale", timescale);
    }

    /** transformers' default: {@code num_warmup_steps or 10_000}. */
    static long defaultTimescale(long numWarmupSteps) {
        return numWarmupSteps != 0 ? numWarmupSteps : TIMESCALE_WITHOUT_WARMUP;
    }

    @Override
    public double at(long step) {
        return lr * Lambdas.inverseSqrt(Py.clamp(step), numWarmupSteps, timescale);
    }

    @Override
    public Range range() {
        return Range.hull(0, lr);
    }

    @Override
    public String spec() {
        return Py.call("hf.get_inverse_sqrt_schedule", Py.kw("lr", lr), Py.kw("num_warmup_steps", numWarmupSteps),
                timescale == defaultTimescale(numWarmupSteps) ? null : Py.kw("timescale", timescale));
    }

    /** inverse_time(lr, k=1/timescale, power=0.5), after warmup(w, …) when there is one. */
    @Override
    public Form nativeForm() {
        Schedule decay = new InverseTime(lr, 1.0 / timescale, 0.5);
        return Form.of(numWarmupSteps == 0 ? decay : new Warmup(numWarmupSteps, decay));
    }

    @Override
    public String toString() {
        return spec();
    }
}
