package dev.anneal.schedule;

import java.util.OptionalLong;

/**
 * {@code warmup(steps, target)}: {@code linear(0, target.at(0), steps=w) then target} (Goyal et al., 2017).
 * Example: warmup(10, constant(1)) at 5 is 0.5.
 */
public record Warmup(long steps, Schedule target) implements Schedule {
    public Warmup {
        Checks.positive("steps", steps);
        if (target == null) throw InvalidInputException.of("warmup needs a target schedule");
    }

    @Override
    public double at(long step) {
        long t = Steps.clamp(step);
        return t < steps ? target.at(0) * t / steps : target.at(t - steps);
    }

    @Override
    public OptionalLong duration() {
        return Steps.add(OptionalLong.of(steps), target.duration());
    }

    @Override
    public Range range() {
        return Range.hull(0, target.at(0)).union(target.range());
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
