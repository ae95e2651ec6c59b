package dev.anneal.dialect.hf;

import dev.anneal.spec.Form;
import dev.anneal.convert.Portable;
import dev.anneal.dialect.Py;
import dev.anneal.schedule.Checks;
import dev.anneal.schedule.Constant;
import dev.anneal.schedule.Range;
import dev.anneal.schedule.Schedule;
import dev.anneal.schedule.Warmup;

import java.util.OptionalLong;

/** {@code hf.get_constant_schedule_with_warmup(lr, num_warmup_steps)}: lr·k/w for k &lt; w, then lr. */
record ConstantWithWarmup(double lr, long numWarmupSteps) implements Portable {
    ConstantWithWarmup {
        Checks.finite("lr", lr);
        Checks.nonNegative("num_warmup_steps", numWarmupSteps);
    }

    @Override
    public double at(long step) {
        return lr * Lambdas.constantWithWarmup(Py.clamp(step), numWarmupSteps);
    }

    @Override
    public OptionalLong duration() {
        return OptionalLong.of(numWarmupSteps);
    }

    @Override
    public Range range() {
        return numWarmupSteps > 0 ? Range.hull(0, lr) : Range.point(lr);
    }

    @Override
    public String spec() {
        return Py.call("hf.get_constant_schedule_with_warmup", Py.kw("lr", lr), Py.kw("num_warmup_steps", numWarmupSteps));
    }

    @Override
    public Form nativeForm() {
        Schedule constant = new Constant(lr);
        return Form.of(numWarmupSteps == 0 ? constant : new Warmup(numWarmupSteps, constant));
    }

    @Override
    public String toString() {
        return spec();
    }
}
