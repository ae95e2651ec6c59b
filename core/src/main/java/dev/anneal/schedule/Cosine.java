package dev.anneal.schedule;

import java.util.OptionalLong;

/**
 * {@code cosine(value, steps=T, floor=f)}: f + (value − f)·(1 + cos(π·min(t,T)/T))/2 (Loshchilov &amp; Hutter,
 * SGDR, 2017, without restarts). Example: cosine(1, steps=100) at 50 is 0.5.
 */
public record Cosine(double value, long steps, double floor) implements Schedule {

    public static final double FLOOR = 0;

    public Cosine {
        Checks.finite("value", value);
        Checks.positive("steps", steps);
        Checks.finite("floor", floor);
    }

    @Override
    public double at(long step) {
        return Interpolation.between(floor, value, (1 + Math.cos(Math.PI * Steps.progress(step, steps))) / 2);
    }

    @Override
    public OptionalLong duration() {
        return OptionalLong.of(steps);
    }

    @Override
    public Range range() {
        return Range.hull(value, floor);
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
