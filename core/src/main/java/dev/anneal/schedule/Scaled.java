package dev.anneal.schedule;

import java.util.OptionalLong;

/** {@code factor * schedule}: pointwise product with a constant. */
public record Scaled(double factor, Schedule schedule) implements Schedule {
    public Scaled {
        Checks.finite("factor", factor);
        if (schedule == null) throw InvalidInputException.of("a scaled schedule needs a schedule");
    }

    @Override
    public double at(long step) {
        return factor == 0 ? 0 : factor * schedule.at(step); // a zero factor stays zero, as Range.scale has it: 0·∞ is not NaN
    }

    @Override
    public OptionalLong duration() {
        return schedule.duration();
    }

    @Override
    public OptionalLong period() {
        return schedule.period();
    }

    @Override
    public Range range() {
        return schedule.range().scale(factor);
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
