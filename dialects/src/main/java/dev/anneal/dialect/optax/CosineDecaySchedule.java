package dev.anneal.dialect.optax;

import dev.anneal.spec.Form;
import dev.anneal.convert.Portable;
import dev.anneal.dialect.Py;
import dev.anneal.schedule.Checks;
import dev.anneal.schedule.Cosine;
import dev.anneal.schedule.Range;

import java.util.OptionalLong;

/**
 * {@code optax.cosine_decay_schedule(init_value, decay_steps, alpha=0.0, exponent=1.0)}:
 * init·((1 − alpha)·((1 + cos(π·min(c, T)/T))/2)^exponent + alpha); ends at init·alpha.
 */
record CosineDecaySchedule(double initValue, long decaySteps, double alpha, double exponent) implements Portable {
    static final double ALPHA = 0.0;
    static final double EXPONENT = 1.0;

    CosineDecaySchedule {
        Checks.finite("init_value", initValue);
        if (!(decaySteps > 0)) throw Checks.fail("decay_steps", decaySteps, "must be > 0, as optax's cosine_decay_schedule requires");
        Checks.finite("alpha", alpha);
        Checks.nonNegative("exponent", exponent);
    }

    @Override
    public double at(long step) {
        return Fns.cosine(initValue, decaySteps, alpha, exponent, Py.clamp(step));
    }

    @Override
    public OptionalLong duration() {
        return OptionalLong.of(decaySteps);
    }

    @Override
    public Range range() {
        return Range.hull(initValue, initValue * alpha);
    }

    @Override
    public String spec() {
        return Py.call("optax.cosine_decay_schedule", Py.kw("init_value", initValue), Py.kw("decay_steps", decaySteps),
                Py.kw("alpha", alpha, ALPHA), Py.kw("exponent", exponent, EXPONENT));
    }

    /** cosine(init, steps=T, floor=init·alpha) when exponent is 1. */
    @Override
    public Form nativeForm() {
        return exponent == 1 ? Form.of(new Cosine(initValue, decaySteps, initValue * alpha)) : Form.none("exponent (" + Py.num(exponent) + ") raises the cosine to a power; native cosine has none");
    }

    @Override
    public String toString() {
        return spec();
    }
}
