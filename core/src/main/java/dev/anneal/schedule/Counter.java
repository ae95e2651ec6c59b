package dev.anneal.schedule;

import java.util.OptionalLong;

/**
 * {@code counter(schedule)}: lo + hi − schedule(t) for a schedule with range [lo, hi], its mirror image: high
 * where the schedule is low. The classic use is momentum in counter-phase with a cyclical learning rate.
 */
public record Counter(Schedule schedule) implements Schedule {
    public Counter {
        if (schedule == null) throw InvalidInputException.of("counter needs a schedule");
        if (!schedule.range().bounded()) {
            throw InvalidInputException.of("counter: the schedule (" + schedule + ") is unbounded (range "
                    + schedule.range() + "); counter needs a periodic or bounded schedule");
        }
    }

    @Override
    public double at(long step) {
        Range r = schedule.range();
        // hi − (A − lo) rather than lo + hi − A: exact at both ends of the range.
        return r.max() - (schedule.at(step) - r.min());
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
        return schedule.range();
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
