package dev.anneal.schedule;

import java.util.OptionalLong;

/**
 * {@code rescale(schedule, min=a, max=b)}: the schedule's range [lo, hi] mapped affinely onto [a, b],
 * {@code a + (s(t) − lo)/(hi − lo)·(b − a)}. With {@link Counter counter} it gives the classic one-cycle momentum
 * in a schedule set: {@code rescale(counter(lr), min=0.85, max=0.95)} is 0.95 where lr is lowest and 0.85 at its
 * peak. The range is the schedule's {@link Schedule#range()}: tight for native families, a safe bound for
 * compositions.
 */
public record Rescale(Schedule schedule, double min, double max) implements Schedule {
    public Rescale {
        if (schedule == null) throw InvalidInputException.of("rescale needs a schedule");
        Checks.finite("min", min);
        Checks.finite("max", max);
        Checks.argument(min <= max, "min (" + Checks.format(min) + ") must be <= max (" + Checks.format(max) + ")");
        Range r = schedule.range();
        if (!(r.bounded() && r.min() < r.max())) {
            throw InvalidInputException.of("rescale: the schedule (" + schedule + ") has range " + r
                    + "; rescale needs a bounded range with min < max");
        }
    }

    @Override
    public double at(long step) {
        Range r = schedule.range();
        // clamped: rounding (of counter(…), say) must not put a value a hair outside [min, max], where a range check would stop the run
        return Math.clamp(min + (schedule.at(step) - r.min()) / (r.max() - r.min()) * (max - min), min, max);
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
        return new Range(min, max);
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
