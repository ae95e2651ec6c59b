package dev.anneal.schedule;

/** {@code exponential(value, gamma=g)}: value·g^t (PyTorch ExponentialLR). Example: exponential(1, gamma=0.5) at 3 is 0.125. */
public record Exponential(double value, double gamma) implements Schedule {
    public Exponential {
        Checks.finite("value", value);
        Checks.nonNegative("gamma", gamma);
    }

    @Override
    public double at(long step) {
        return decayed(value, gamma, Steps.clamp(step));
    }

    /**
     * value·gamma^k, the decay of every geometric family (native and dialect); a zero value stays 0 even where gamma^k
     * overflows (0·∞ would be NaN).
     */
    public static double decayed(double value, double gamma, double k) {
        return value == 0 ? value : value * Math.pow(gamma, k);
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
