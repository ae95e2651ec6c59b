package dev.anneal.schedule;

/** {@code power_law(value, alpha=a)}: value·(t+1)^(−a). Example: power_law(1, alpha=2) at 1 is 0.25. */
public record PowerLaw(double value, double alpha) implements Schedule {
    public PowerLaw {
        Checks.finite("value", value);
        Checks.nonNegative("alpha", alpha);
    }

    @Override
    public double at(long step) {
        return value * Math.pow(Steps.clamp(step) + 1.0, -alpha);
    }

    @Override
    public Range range() {
        return alpha == 0 ? Range.point(value) : Range.hull(value, 0);
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
