package dev.anneal.schedule;

/** {@code exponential(value, half_life=h)}: value·2^(−t/h), halving every h steps. Example: exponential(1, half_life=10) at 20 is 0.25. */
public record HalfLife(double value, double halfLife) implements Schedule {
    public HalfLife {
        Checks.finite("value", value);
        Checks.positive("half_life", halfLife);
    }

    @Override
    public double at(long step) {
        return value * Math.pow(2, -Steps.clamp(step) / halfLife);
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
