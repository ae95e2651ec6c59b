package dev.anneal.lab.studies;

import dev.anneal.optimizer.Dynamics;
import dev.anneal.optimizer.Method;
import dev.anneal.analysis.Stability;
import dev.anneal.analysis.WarmupAdvice;
import dev.anneal.lab.Curve;
import dev.anneal.lab.Evidence;
import dev.anneal.lab.Figure;
import dev.anneal.lab.Mode;
import dev.anneal.lab.Rule;
import dev.anneal.lab.Study;
import dev.anneal.lab.Sweep;
import dev.anneal.lab.Trial;
import dev.anneal.lab.train.Scheduled;
import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Spec;

import java.util.Optional;
import java.util.SplittableRandom;

/**
 * S60: the warmup length from an initialisation bound. For single-sample SGD on linear regression with standardised
 * inputs the per-step curvature is ‖x‖², bounded in expectation by Λ = E‖x‖² = d, known before training; core's
 * analysis (WarmupAdvice) gives the shortest warmup Tw keeping η(t)·Λ < 2. Runs with warmups around Tw.
 */
public final class S60InitBoundWarmup implements Study {
    static final int DIM = 50, RUNS = 10;
    static final double PEAK_H = 2.5;
    /** η₀·Λ of the target: how far past the limit it starts decides how much a short warmup can get away with. */
    private final double peak;

    public S60InitBoundWarmup() {
        this(PEAK_H);
    }

    S60InitBoundWarmup(double peak) {
        this.peak = peak;
    }

    @Override
    public Optional<Sweep> sweep() {
        return peak == PEAK_H ? Optional.of(Sweep.of("η₀·Λ of the target", S60InitBoundWarmup::new, 4, 8)) : Optional.empty();
    }
    static final double[] FRACTIONS = {0.25, 0.5, 1, 2};

    @Override public String id() { return "S60"; }
    @Override public Evidence evidence() { return Evidence.EXPERIMENT; }
    @Override public String source() { return "004"; }
    @Override public String title() { return "Warmup length from the initialisation bound Λ"; }

    @Override
    public String claim() {
        return "Warmup length from initialisation: an upper bound Λ on λmax from the initialisation's statistics gives the minimal warmup Tw keeping "
                + "η(t)·Λ < 2; runs with Tw ≥ that bound are stable, shorter ones are not.";
    }

    static int steps(Mode mode) {
        return mode.pick(1000, 400);
    }

    String target(int steps) {
        return "cosine(" + peak / DIM + ", steps=" + steps + ")";
    }

    @Override
    public String setup(Mode mode) {
        int t = steps(mode);
        return "Linear regression with " + DIM + " standardised Gaussian features (teacher N(0, 1), noise 0.1, 2000 samples), SGD with batch 1, "
                + t + " steps, w₀ = 0. Λ = E‖x‖² = " + DIM + " (trace bound from the input statistics). Target " + target(t) + ": η₀·Λ = " + peak
                + " ≥ 2. Tw = WarmupAdvice.of(target, Stability(sgd, Λ)).steps(); arms linear(0, η(w), steps=w) then shift(target, w) for "
                + "w = Tw/4, Tw/2, Tw, 2·Tw; " + RUNS + " sample orders per seed.";
    }

    @Override
    public String metric() {
        return "fraction of runs that diverge (loss above 10⁶ × the initial loss); for information, the mean over runs of log10 of the largest "
                + "loss / initial loss (0: never above the start).";
    }

    @Override
    public Rule rule() {
        return Rule.all(Rule.below("w = Tw: diverged", 0.1), Rule.below("w = 2·Tw: diverged", 0.1), Rule.lower("w = Tw: diverged", "w = Tw/2: diverged"));
    }

    @Override
    public Figure figure() {
        return Figure.logY("Loss / initial loss, median run (mean over seeds)", "step", "loss ratio");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        int steps = steps(mode);
        Schedule target = Spec.parse(target(steps), steps);
        long tw = WarmupAdvice.of(target, steps, Stability.of(target, steps, Dynamics.sgd(), DIM, 1)).steps();
        SplittableRandom rng = new SplittableRandom(seed);
        var task = dev.anneal.lab.task.LinearRegression.synthetic(2000, Curves.filled(DIM, 1), 0.1, rng);
        Trial trial = new Trial().metric("Tw (steps)", tw);
        String[] names = {"w = Tw/4", "w = Tw/2", "w = Tw", "w = 2·Tw"};
        for (int a = 0; a < FRACTIONS.length; a++) {
            long w = Math.max(1, Math.round(tw * FRACTIONS[a]));
            String lr = "linear(0, " + target.at(w) + ", steps=" + w + ") then shift(" + target(steps) + ", " + w + ")";
            int diverged = 0;
            double worst = 0;
            double[][] curves = new double[RUNS][];
            for (int r = 0; r < RUNS; r++) {
                float[] x = new float[DIM], g = new float[DIM];
                Scheduled opt = new Scheduled(Method.SGD, Scheduled.set(steps, "lr", lr), x);
                SplittableRandom order = new SplittableRandom(seed * 1000 + r);
                double l0 = task.loss(x);
                double[] c = new double[steps / 10 + 1];
                c[0] = 1;
                boolean blown = false;
                double peak = 1;
                for (int t = 0; t < steps; t++) {
                    task.batchGradient(x, g, 1, order);
                    opt.step(g);
                    if ((t + 1) % 10 == 0) {
                        double l = task.loss(x) / l0;
                        peak = Math.max(peak, Math.min(l, 1e6));
                        if (!(l < 1e6)) blown = true;
                        c[(t + 1) / 10] = blown ? 1e6 : l;
                    }
                    if (blown) {
                        java.util.Arrays.fill(c, (t + 1) / 10, c.length, 1e6);
                        break;
                    }
                }
                if (blown) diverged++;
                worst += Math.log10(peak) / RUNS;
                curves[r] = c;
            }
            double[] median = Curves.median(curves);
            trial.metric(names[a] + ": diverged", diverged / (double) RUNS).metric(names[a] + ": log10 peak loss ratio", worst).curve(names[a], new Curve(Curves.grid(median.length, 10), median));
        }
        return trial;
    }
}
