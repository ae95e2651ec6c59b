package dev.anneal.schedule;

import java.util.OptionalLong;

/**
 * {@code clamp(schedule, min=a, max=b)}: min(max(schedule(t), a), b). Either bound may be left out (infinite), not
 * both: a clamp without bounds changes nothing, is most likely a mistake, and has no spec text to print.
 */
public record Clamp(Schedule schedule, double min, double max) implements Schedule {
    public Clamp {
        if (schedule == null) throw InvalidInputException.of("clamp needs a schedule");
        if (Double.isNaN(min)) throw Checks.fail("min", min, "must be a number");
        if (Double.isNaN(max)) throw Checks.fail("max", max, "must be a number");
        if (!(min <= max)) throw Checks.fail("max", max, "must be >= min (" + Checks.format(min) + ")");
        Checks.argument(min > Double.NEGATIVE_INFINITY || max < Double.POSITIVE_INFINITY, "clamp needs min, max or both");
    }

    @Override
    public double at(long step) {
        return Math.min(Math.max(schedule.at(step), min), max);
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
        return schedule.range().clamp(min, max);
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
