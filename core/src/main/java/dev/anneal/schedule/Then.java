package dev.anneal.schedule;

import java.util.OptionalLong;

/** {@code first then next}: first for its duration D, then next at t − D (next sees relative time). */
public record Then(Schedule first, Schedule next) implements Schedule {
    public Then {
        if (first == null || next == null) throw InvalidInputException.of("then needs two schedules");
        if (first.duration().isEmpty()) {
            throw InvalidInputException.of("then: the first schedule (" + first
                    + ") never ends; only a schedule with a finite duration can be followed");
        }
    }

    @Override
    public double at(long step) {
        long boundary = first.duration().getAsLong();
        long t = Steps.clamp(step);
        return t < boundary ? first.at(t) : next.at(t - boundary);
    }

    @Override
    public OptionalLong duration() {
        return Steps.add(first.duration(), next.duration());
    }

    @Override
    public Range range() {
        return first.range().union(next.range());
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
