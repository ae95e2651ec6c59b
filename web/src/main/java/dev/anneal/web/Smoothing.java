package dev.anneal.web;

/**
 * Exponential moving average whose time constant is in steps, not in points, with bias correction: the weight of
 * a value is the span of steps it stands for, {@code 1 − exp(−Δstep/τ)}, so a series sampled every step and the
 * same series sampled every 100th step are smoothed alike; dividing by the weight accumulated so far (Adam's
 * {@code 1 − β^t}, generalised to uneven gaps) removes the pull towards the zero it starts from.
 */
final class Smoothing {
    private Smoothing() {}

    /**
     * The smoothed values at {@code steps} (increasing) of {@code values}; a null value is skipped and stays null.
     *
     * @param tau time constant in steps (> 0): a step change is 63% followed after {@code tau} steps
     */
    static Double[] ema(long[] steps, Double[] values, double tau) {
        if (!(tau > 0) || Double.isInfinite(tau)) throw new IllegalArgumentException("tau (" + tau + ") must be > 0 and finite");
        Double[] out = new Double[values.length];
        double average = 0, weight = 0;
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) continue;
            // the first value stands for one step; each later one for the steps since the value before it
            double span = previous == Long.MIN_VALUE ? 1 : steps[i] - previous;
            double keep = Math.exp(-span / tau);
            average = keep * average + (1 - keep) * values[i];
            weight = keep * weight + (1 - keep);
            out[i] = average / weight;
            previous = steps[i];
        }
        return out;
    }
}
