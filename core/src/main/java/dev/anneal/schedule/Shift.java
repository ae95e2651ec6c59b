package dev.anneal.schedule;

import java.util.OptionalLong;

/** {@code shift(schedule, by)}: schedule at t + by; where t + by &lt; 0 it reads schedule at 0. */
public record Shift(Schedule schedule, long by) implements Schedule {
    public Shift {
        if (schedule == null) throw InvalidInputException.of("shift needs a schedule");
    }

    @Override
    public double at(long step) {
        return schedule.at(Steps.add(Steps.clamp(step), by));
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
