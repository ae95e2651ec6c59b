package dev.anneal.schedule;

/** {@code exponential(value, gamma=g)}: value·g^t (PyTorch ExponentialLR). Example: exponential(1, gamma=0.5) at 3 is 0.125. */
public record Exponential(double value, double gamma) implements Schedule {
    public Exponential {
        Checks.finite("value", value);
        Checks.nonNegative("gamma", gamma);
    }

    @Override
    public double at(long step) {
        if (value == 0) return value; // 0·gamma^t is 0 even where gamma^t overflows (0·∞ would be NaN)
        return value * Math.pow(gamma, Steps.clamp(step));
    }

    @Override
    public Range range() {
        return Range.geometric(value, gamma);
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
