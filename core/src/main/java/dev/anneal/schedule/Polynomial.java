package dev.anneal.schedule;

import java.util.OptionalLong;

/**
 * {@code polynomial(value, end=e, steps=T, power=p)}: (value − e)·(1 − min(t,T)/T)^p + e (PyTorch PolynomialLR
 * with end 0, optax polynomial_schedule). Example: polynomial(1, end=0, steps=4, power=2) at 2 is 0.25.
 */
public record Polynomial(double value, double end, long steps, double power) implements Schedule {

    public static final double END = 0, POWER = 1;
    public Polynomial {
        Checks.finite("value", value);
        Checks.finite("end", end);
        Checks.positive("steps", steps);
        Checks.positive("power", power);
    }

    @Override
    public double at(long step) {
        return Interpolation.between(end, value, Math.pow(1 - Steps.progress(step, steps), power));
    }

    @Override
    public OptionalLong duration() {
        return OptionalLong.of(steps);
    }

    @Override
    public Range range() {
        return Range.hull(value, end);
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
