package dev.anneal.dialect.timm;

import dev.anneal.dialect.Py;
import dev.anneal.schedule.Checks;
import dev.anneal.schedule.Exponential;
import dev.anneal.schedule.Range;
import dev.anneal.schedule.Step;
import dev.anneal.spec.Form;

import java.util.List;

/**
 * {@code timm.StepLRScheduler(lr=0.1, decay_t=30, decay_rate=0.1)}: {@code lr·decay_rate^(t // decay_t)}. Unlike the
 * cosine, tanh and poly schedulers, warmup_prefix defaults to True. Example: 0.1 at step 29, 0.01 at step 30.
 */
public record StepLRScheduler(double lr, long decayT, double decayRate, Warmup warmup) implements TimmScheduler {

    static final double DECAY_RATE = 1.0;
    static final boolean WARMUP_PREFIX = true;

    public StepLRScheduler {
        Checks.nonNegative("lr", lr);
        // decay_t 0 raises ZeroDivisionError in timm; a negative one would raise the lr at every step.
        Checks.positive("decay_t", decayT);
        Checks.nonNegative("decay_rate", decayRate);
    }

    @Override
    public double at(long step) {
        return warmup.at(Py.clamp(step), lr, t -> Exponential.decayed(lr, decayRate, t / decayT));
    }

    @Override
    public Range range() {
        return Py.loose(Range.hull(warmup.lrInit(), lr, decayRate <= 1 || lr == 0 ? 0 : Double.POSITIVE_INFINITY));
    }

    @Override
    public Form nativeForm() {
        return Form.of(warmup.nativeForm(lr, new Step(lr, decayT, decayRate)));
    }

    @Override
    public List<String> arguments() {
        return TimmScheduler.args(new String[] {Py.kw("decay_t", decayT), Py.kw("decay_rate", decayRate, DECAY_RATE)},
                warmup.kwargs(WARMUP_PREFIX));
    }

    @Override
    public String toString() {
        return spec();
    }
}
