package dev.anneal.schedule;

/** {@code inverse_sqrt(value)}: value/√(t+1). Example: inverse_sqrt(1) at 3 is 0.5. */
public record InverseSqrt(double value) implements Schedule {
    public InverseSqrt {
        Checks.finite("value", value);
    }

    @Override
    public double at(long step) {
        return value / Math.sqrt(Steps.clamp(step) + 1.0);
    }

    @Override
    public Range range() {
        return Range.hull(value, 0);
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
