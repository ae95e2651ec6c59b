package dev.anneal.schedule;

/** {@code inverse_time(value, k=k, power=p)}: value·(1 + k·t)^(−p). Example: inverse_time(1, k=0.5, power=1) at 2 is 0.5. */
public record InverseTime(double value, double k, double power) implements Schedule {

    public static final double POWER = 1;
    public InverseTime {
        Checks.finite("value", value);
        Checks.nonNegative("k", k);
        Checks.nonNegative("power", power);
    }

    @Override
    public double at(long step) {
        return value * Math.pow(1 + k * Steps.clamp(step), -power);
    }

    @Override
    public Range range() {
        return k == 0 || power == 0 ? Range.point(value) : Range.hull(value, 0);
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
