package dev.anneal.schedule;

import java.util.function.LongToDoubleFunction;

/**
 * A schedule defined in code ({@link Schedule#of}). The function must be pure; Anneal cannot check that. It prints
 * as its name, which the spec language does not parse back.
 */
public record Custom(String name, LongToDoubleFunction function) implements Schedule {
    public Custom {
        if (name == null || name.isBlank()) throw Checks.fail("name", String.valueOf(name), "must not be blank");
        if (function == null) throw InvalidInputException.of("function must not be null");
    }

    @Override
    public double at(long step) {
        return function.applyAsDouble(Math.max(step, 0));
    }

    @Override
    public Range range() {
        return Range.UNBOUNDED;
    }

    @Override
    public String toString() {
        return name;
    }
}
