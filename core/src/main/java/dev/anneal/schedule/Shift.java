package dev.anneal.schedule;

import java.util.OptionalLong;

/**
 * {@code shift(schedule, by)}: schedule at t + by; where t + by &lt; 0 it reads schedule at 0. Past the last step
 * a periodic schedule wraps by whole periods, and any other holds its value at Long.MAX_VALUE.
 */
public record Shift(Schedule schedule, long by) implements Schedule {
    public Shift {
        if (schedule == null) throw InvalidInputException.of("shift needs a schedule");
    }

    @Override
    public double at(long step) {
        long t = Steps.clamp(step);
        if (by > 0 && t > Long.MAX_VALUE - by && schedule.period().isPresent()) {
            // t + by passes Long.MAX_VALUE: whole periods back instead of saturating, so the period claimed holds.
            return schedule.at(Steps.addModulo(t, by, schedule.period().getAsLong()));
        }
        return schedule.at(Steps.add(t, by));
    }

    @Override
    public OptionalLong duration() {
        OptionalLong d = schedule.duration();
        return d.isPresent() ? OptionalLong.of(Math.max(0, Steps.add(d.getAsLong(), -by))) : d;
    }

    @Override
    public OptionalLong period() {
        // A delayed schedule holds its step 0 first, so it repeats only from then on.
        return by < 0 ? OptionalLong.empty() : schedule.period();
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
