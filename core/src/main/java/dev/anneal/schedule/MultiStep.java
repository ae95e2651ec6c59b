package dev.anneal.schedule;

import java.util.List;

/**
 * {@code multistep(value, at=[m1, m2, …], gamma=g)}: value·g^(number of milestones ≤ t) (PyTorch MultiStepLR;
 * a repeated milestone counts twice). Example: multistep(1, at=[10, 20], gamma=0.5) at 20 is 0.25.
 */
public record MultiStep(double value, List<Long> at, double gamma) implements Schedule {

    /** The default factor at each milestone (PyTorch MultiStepLR's). */
    public static final double GAMMA = 0.1;

    public MultiStep {
        Checks.finite("value", value);
        Checks.nonNegative("gamma", gamma);
        if (at == null || at.isEmpty()) throw Checks.fail("at", "[]", "must name at least one milestone");
        at = List.copyOf(at);
        for (int i = 0; i < at.size(); i++) {
            Checks.nonNegative("at[" + i + "]", at.get(i));
            if (i > 0 && at.get(i) < at.get(i - 1)) {
                throw Checks.fail("at", at, "must be in non-decreasing order");
            }
        }
    }

    @Override
    public double at(long step) {
        return Exponential.decayed(value, gamma, passed(Steps.clamp(step)));
    }

    /** How many milestones are ≤ step: the index of the first one above it. */
    private int passed(long step) {
        int lo = 0, hi = at.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (at.get(mid) <= step) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    @Override
    public Range range() {
        double[] values = new double[at.size() + 1];
        for (int i = 0; i < values.length; i++) values[i] = value * Math.pow(gamma, i);
        return Range.hull(values);
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
