package dev.anneal.schedule;

import java.util.OptionalLong;

/** {@code linear(start, end, steps=T)}: start + (end − start)·min(t, T)/T. Example: linear(0, 1, steps=4) at 1 is 0.25. */
public record Linear(double start, double end, long steps) implements Schedule {
    public Linear {
        Checks.finite("start", start);
        Checks.finite("end", end);
        Checks.positive("steps", steps);
    }

    @Override
    public double at(long step) {
        return Interpolation.between(start, end, Steps.progress(step, steps));
    }

    @Override
    public OptionalLong duration() {
        return OptionalLong.of(steps);
    }

    @Override
    public Range range() {
        return Range.hull(start, end);
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
