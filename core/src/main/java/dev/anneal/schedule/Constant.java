package dev.anneal.schedule;

/** {@code constant(value)}: the same value at every step. */
public record Constant(double value) implements Schedule {
    public Constant {
        Checks.finite("value", value);
    }

    @Override
    public double at(long step) {
        return value;
    }

    @Override
    public Range range() {
        return Range.point(value);
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
