package dev.anneal.schedule;

import java.util.OptionalLong;

/**
 * {@code phase(schedule, fraction)}: a periodic schedule with period P advanced by fraction·P steps (rounded to
 * the nearest step). phase(A, 0.5) is A half a cycle ahead.
 */
public record Phase(Schedule schedule, double fraction) implements Schedule {
    public Phase {
        if (schedule == null) throw InvalidInputException.of("phase needs a schedule");
        Checks.inHalfOpen("fraction", fraction, 0, 1);
        if (schedule.period().isEmpty()) {
            throw InvalidInputException.of("phase: the schedule (" + schedule + ") is not periodic");
        }
    }

    /** The shift in steps: fraction·P rounded. */
    public long offset() {
        return Math.round(fraction * schedule.period().getAsLong());
    }

    @Override
    public double at(long step) {
        // (t + offset) mod P: t + offset itself may pass Long.MAX_VALUE when P is near it.
        return schedule.at(Steps.addModulo(Steps.clamp(step), offset(), schedule.period().getAsLong()));
    }

    @Override
    public OptionalLong period() {
        return schedule.period();
    }

    @Override
    public Range range() {
        return schedule.range();
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
