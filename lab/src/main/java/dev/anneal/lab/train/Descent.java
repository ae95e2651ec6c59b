package dev.anneal.lab.train;

import dev.anneal.optim.Optimizer;
import dev.anneal.optim.control.Controlled;
import dev.anneal.control.Decision;
import dev.anneal.control.Observation;
import dev.anneal.control.Outcome;
import dev.anneal.optim.grad.Verdict;
import dev.anneal.schedule.Schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The training loop every study shares: gradient, update at the schedule's rate, loss recorded on a grid. The update
 * is optim's, by the optimizer that {@code optimizer} builds over {@code x} before the first step
 * ({@code Optimizers::sgd}, {@code p -> Optimizers.momentum(p, 0.9)}, …); the rate is an input of each step.
 */
public final class Descent {
    private Descent() {}

    /** Writes the (possibly stochastic) gradient at {@code x} for update {@code step} into {@code g}. */
    @FunctionalInterface
    public interface Gradient {
        void at(float[] x, float[] g, long step);
    }

    /** What a controller is shown after an update: {@code x} is already updated, {@code verdict} is optim's on the gradient. */
    @FunctionalInterface
    public interface Sensor {
        Observation after(float[] x, Verdict verdict);

        /** The gradient norm optim measured before any clipping; NaN when the step was skipped for a non-finite gradient. */
        static Sensor gradNorm() {
            return (x, verdict) -> Observation.gradNorm(verdict instanceof Verdict.Apply a ? a.normBefore() : Double.NaN);
        }
    }

    /**
     * A controlled run: the recorded curve (as {@link #run}), the rate of every step (NaN after a divergence stopped
     * the run), and the controller's decisions in order.
     */
    public record Steered(double[] curve, double[] rates, List<Decision> decisions) {}

    /** A recorded value above this counts as diverged: the loop stops and the rest of the curve reads +∞. */
    public static final double DIVERGED = 1e12;

    /**
     * Runs {@code steps} updates from {@code x} (changed in place). Returns {@code record} (usually the loss) before
     * the first update and after every {@code every}-th update: {@code steps/every + 1} values. A recorded value that
     * is NaN, infinite or above {@link #DIVERGED} ends the run; that point and all later ones read +∞.
     */
    public static double[] run(float[] x, Gradient gradient, ToDoubleFunction<float[]> record, Schedule lr,
                               Function<float[], Optimizer> optimizer, long steps, int every) {
        return loop(x, gradient, record, new Rates() {
            public double rate(long t) {
                return lr.at(t);
            }

            public void after(float[] updated, Verdict verdict) {}
        }, optimizer, steps, every);
    }

    /**
     * As {@link #run}, with the rate of each step given by optim's controller loop: {@code rate} before the update,
     * then {@code observe} with what {@code sensor} reads after it (PyTorch's order: the measurements of step t decide
     * the rate of step t + 1).
     */
    public static <S extends Record> Steered run(float[] x, Gradient gradient, ToDoubleFunction<float[]> record,
                                                 Controlled<S> lr, Sensor sensor, Function<float[], Optimizer> optimizer, long steps, int every) {
        double[] rates = new double[(int) steps];
        Arrays.fill(rates, Double.NaN);
        List<Decision> decisions = new ArrayList<>();
        double[] curve = loop(x, gradient, record, new Rates() {
            Controlled.State<S> state = lr.start();

            public double rate(long t) {
                return rates[(int) t] = lr.rate(state);
            }

            public void after(float[] updated, Verdict verdict) {
                Outcome<Controlled.State<S>> out = lr.observe(state, sensor.after(updated, verdict));
                out.decision().ifPresent(decisions::add);
                state = out.state();
            }
        }, optimizer, steps, every);
        return new Steered(curve, rates, List.copyOf(decisions));
    }

    /** Where a loop's rates come from, and who hears about each update. */
    private interface Rates {
        double rate(long t);

        void after(float[] updated, Verdict verdict);
    }

    private static double[] loop(float[] x, Gradient gradient, ToDoubleFunction<float[]> record, Rates rates,
                                 Function<float[], Optimizer> optimizer, long steps, int every) {
        if (steps < 0) throw new IllegalArgumentException("steps (" + steps + ") must be >= 0");
        if (every < 1) throw new IllegalArgumentException("every (" + every + ") must be >= 1");
        double[] curve = new double[(int) (steps / every) + 1];
        Optimizer opt = optimizer.apply(x);
        float[] g = new float[x.length];
        List<float[]> gradients = List.of(g);
        curve[0] = record.applyAsDouble(x);
        if (diverged(curve[0])) return fill(curve, 0);
        for (long t = 0; t < steps; t++) {
            double lr = rates.rate(t);
            gradient.at(x, g, t);
            rates.after(x, opt.step(gradients, Optimizers.rate(lr)));
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
