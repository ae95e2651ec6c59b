package dev.anneal.lab.train;

import dev.anneal.schedule.Schedule;

import java.util.function.ToDoubleFunction;

/** The training loop every study shares: gradient, update at the schedule's rate, loss recorded on a grid. */
public final class Descent {
    private Descent() {}

    /** Writes the (possibly stochastic) gradient at {@code x} for update {@code step} into {@code g}. */
    @FunctionalInterface
    public interface Gradient {
        void at(float[] x, float[] g, long step);
    }

    /** A recorded value above this counts as diverged: the loop stops and the rest of the curve reads +∞. */
    public static final double DIVERGED = 1e12;

    /**
     * Runs {@code steps} updates from {@code x} (changed in place). Returns {@code record} (usually the loss) before
     * the first update and after every {@code every}-th update: {@code steps/every + 1} values. A recorded value that
     * is NaN, infinite or above {@link #DIVERGED} ends the run; that point and all later ones read +∞.
     */
    public static double[] run(float[] x, Gradient gradient, ToDoubleFunction<float[]> record, Schedule lr,
                               Optimizer optimizer, long steps, int every) {
        if (steps < 0) throw new IllegalArgumentException("steps (" + steps + ") must be >= 0");
        if (every < 1) throw new IllegalArgumentException("every (" + every + ") must be >= 1");
        double[] curve = new double[(int) (steps / every) + 1];
        float[] g = new float[x.length];
        curve[0] = record.applyAsDouble(x);
        if (diverged(curve[0])) return fill(curve, 0);
        for (long t = 0; t < steps; t++) {
            gradient.at(x, g, t);
            optimizer.step(x, g, lr.at(t));
            if ((t + 1) % every == 0) {
                int k = (int) ((t + 1) / every);
                curve[k] = record.applyAsDouble(x);
                if (diverged(curve[k])) return fill(curve, k);
            }
        }
        return curve;
    }

    public static boolean diverged(double loss) {
        return !(loss <= DIVERGED);
    }

    private static double[] fill(double[] curve, int from) {
        for (int i = from; i < curve.length; i++) curve[i] = Double.POSITIVE_INFINITY;
        return curve;
    }
}
