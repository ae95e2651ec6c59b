package dev.anneal.schedule;

/** {@code step(value, every=k, gamma=g)}: value·g^⌊t/k⌋ (PyTorch StepLR). Example: step(0.1, every=30, gamma=0.1) at 30 is 0.01. */
public record Step(double value, long every, double gamma) implements Schedule {

    /** The default factor at each drop (PyTorch StepLR's). */
    public static final double GAMMA = 0.1;
    public Step {
        Checks.finite("value", value);
        Checks.positive("every", every);
        Checks.nonNegative("gamma", gamma);
    }

    @Override
    public double at(long step) {
        return Exponential.decayed(value, gamma, Steps.clamp(step) / every);
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
