package dev.anneal.lab.studies;

import dev.anneal.optimizer.Dynamics;
import dev.anneal.optimizer.Method;
import dev.anneal.optimizer.Roots;
import dev.anneal.lab.Curve;
import dev.anneal.lab.Evidence;
import dev.anneal.lab.Figure;
import dev.anneal.lab.Mode;
import dev.anneal.lab.Rule;
import dev.anneal.lab.Study;
import dev.anneal.lab.Trial;
import dev.anneal.lab.task.Quartic;
import dev.anneal.lab.train.Scheduled;
import dev.anneal.optim.curvature.Spectra;

import java.util.SplittableRandom;

/**
 * S48: heavy ball under warmup as a second-order recurrence. Formula part: core's analysis gives the roots of
 * r² − (1+β−h)r + β and the damping ratio ζ(h); a trajectory of optim's heavy ball at frozen h is fitted by least
 * squares to x_{t+1} = b·x_t − c·x_{t−1} (no formula used) and its roots' ζ compared. Experiment: on a bowl whose
 * curvature is high far from the minimum, the target rate from step 0 against the same rate after a warmup.
 */
public final class S48DampingRatio implements Study {
    static final double BETA = 0.9, TOLERANCE = 1e-3, MU = 1, TARGET = 1.9, CAP = 3;
    static final double[] H = {0.02, 0.1, 0.5, 1.5, 3.0};
    static final int DIM = 8, STARTS = 20;

    @Override public String id() { return "S48"; }
    @Override public String title() { return "Heavy ball under warmup: damping ratio ζ(t)"; }
    @Override public Evidence evidence() { return Evidence.EXPERIMENT; }
    @Override public String source() { return "004"; }

    @Override
    public String claim() {
        return "Heavy ball under linear warmup is a second-order recurrence; its characteristic roots give a damping ratio ζ(t); warmup keeps the "
                + "system underdamped and stable where the target LR from step 0 is not.";
    }

    static int steps(Mode mode) {
        return mode.pick(1500, 500);
    }

    @Override
    public String setup(Mode mode) {
        int t = steps(mode);
        return "Formula: optim's SGD with momentum β = " + BETA + " on ½x² at frozen h = η·λ ∈ {0.02, 0.1, 0.5, 1.5, 3.0} (the values a warmup "
                + "passes through), x₀ = 1 (+ seed-dependent 1% jitter), 200 steps; (b, c) fitted by least squares to the trajectory, ζ of the "
                + "fitted roots against ζ from core's analysis (Optimizer.momentum roots), tolerance " + TOLERANCE + " relative. Experiment: "
                + "quartic bowl Σ ½yᵢ² + ¼·" + MU + "·yᵢ⁴ (y = Qᵀx, random rotation; curvature 1 + 3yᵢ², so 3.8/η is crossed far from the minimum) "
                + "in " + DIM + " dimensions, " + STARTS + " starts x₀ ~ N(0, 1.5²) per seed, heavy ball β = " + BETA + ", " + t + " steps; "
                + "constant(" + TARGET + ") from step 0 against warmup(" + t / 5 + ", constant(" + TARGET + ")); ζ(t) and the spectral radius along "
                + "the run from core's analysis at the local curvature h_t = η_t·λmax(x_t).";
    }

    @Override
    public String metric() {
        return "max relative error of the fitted ζ against the formula over the five h (formula checked against simulation); fraction of starts "
                + "that diverge (loss above 10¹²); fraction of steps whose local roots are complex (underdamped) and inside the unit circle.";
    }

    @Override
    public Rule rule() {
        return Rule.all(Rule.part("ζ from the roots vs a fitted trajectory", Evidence.SIMULATION, Rule.below("max |ζ fitted / ζ formula − 1|", TOLERANCE)),
                Rule.part("warmup trains where the target from step 0 diverges", Evidence.EXPERIMENT,
                        Rule.all(Rule.lower("warmup: diverged", "constant: diverged"), Rule.below("warmup: diverged", 0.5))));
    }

    @Override
    public Figure figure() {
        return new Figure("Local η·λmax(x_t) over the limit 2(1+β), and ζ of the warmup run (median start; mean over seeds)", "step",
                "h / h*, ζ (capped at 2)", true, false);
    }

    @Override
    public Trial run(Mode mode, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Dynamics heavyBall = new Dynamics(Method.MOMENTUM, BETA, 0);
        double worst = 0;
        for (double h : H) {
            double zeta = heavyBall.roots(h).dampingRatio();
            double fitted = fittedZeta(h, 1 + 0.01 * rng.nextGaussian());
            worst = Math.max(worst, Math.abs(fitted / zeta - 1));
        }
        Trial trial = new Trial().metric("max |ζ fitted / ζ formula − 1|", worst);
        int steps = steps(mode);
        Quartic bowl = new Quartic(Curves.filled(DIM, 1), MU, Spectra.randomOrthogonal(DIM, seed));
        float[][] starts = new float[STARTS][DIM];
        for (float[] s : starts) for (int i = 0; i < DIM; i++) s[i] = (float) (1.5 * rng.nextGaussian());
        for (String[] arm : new String[][] {{"constant", "constant(" + TARGET + ")"}, {"warmup", "warmup(" + steps / 5 + ", constant(" + TARGET + "))"}}) {
            int diverged = 0;
            long good = 0, counted = 0;
            double[][] ratio = new double[STARTS][steps + 1];
            for (int k = 0; k < STARTS; k++) {
                float[] s = starts[k];
                float[] x = s.clone(), g = new float[DIM];
                Scheduled opt = new Scheduled(Method.SGD, Scheduled.set(steps, "lr", arm[1], "momentum", BETA), x);
                boolean blown = false;
                for (int t = 0; t < steps; t++) {
                    double h = opt.value("lr") * bowl.lambdaMax(x);
                    var roots = heavyBall.roots(h);
                    counted++;
                    if (roots.complex() && roots.spectralRadius() < 1) good++;
                    ratio[k][t] = h / heavyBall.limit();
                    bowl.gradient(x, g);
                    opt.step(g);
                    if (!(bowl.loss(x) < 1e12)) {
                        java.util.Arrays.fill(ratio[k], t + 1, steps + 1, CAP); // diverged: off the chart
                        blown = true;
                        break;
                    }
                }
                if (blown) diverged++;
            }
            trial.metric(arm[0] + ": diverged", diverged / (double) STARTS).metric(arm[0] + ": underdamped and stable steps", good / (double) counted);
            double[] median = new double[steps + 1], x = new double[steps];
            for (int t = 0; t <= steps; t++) {
                double[] col = new double[STARTS];
                for (int k = 0; k < STARTS; k++) col[k] = ratio[k][Math.min(t, steps - 1)];
                median[t] = Math.min(CAP, Curves.median(col));
            }
            double[] hOver = new double[steps], zeta = new double[steps];
            for (int t = 1; t <= steps; t++) {
                x[t - 1] = t;
                hOver[t - 1] = median[t - 1];
                double z = heavyBall.roots(median[t - 1] * heavyBall.limit()).dampingRatio();
                zeta[t - 1] = Double.isNaN(z) ? 0 : Math.min(2, z);
            }
            trial.curve(arm[0] + ": h / h*", new Curve(x, hOver));
            if (arm[0].equals("warmup")) trial.curve("warmup: ζ of the local roots", new Curve(x, zeta));
        }
        return trial;
    }

    /** ζ of the roots of r² − b·r + c with (b, c) fitted to a 200-step trajectory of optim's heavy ball at rate h on ½x². */
    static double fittedZeta(double h, double x0) {
        float[] x = {(float) x0}, g = new float[1];
        Scheduled opt = new Scheduled(Method.SGD, Scheduled.set(200, "lr", h, "momentum", BETA), x);
        double[] path = new double[200];
        for (int t = 0; t < path.length; t++) {
            path[t] = x[0];
            g[0] = x[0];
            opt.step(g);
        }
        // The heavy ball's recurrence holds from the second update on; fit x_{t+1} = b·x_t − c·x_{t−1} over t ≥ 2.
        double sxx = 0, syy = 0, sxy = 0, sx1 = 0, sy1 = 0;
        int n = 0;
        for (int t = 2; t + 1 < path.length && Math.abs(path[t]) > 1e-30; t++, n++) {
            double a = path[t], c = -path[t - 1], y = path[t + 1];
            sxx += a * a;
            syy += c * c;
            sxy += a * c;
            sx1 += a * y;
            sy1 += c * y;
        }
        double det = sxx * syy - sxy * sxy;
        double b = (sx1 * syy - sy1 * sxy) / det, cc = (sxx * sy1 - sxy * sx1) / det;
        return rootsZeta(b, cc);
    }

    /** ζ of the roots of the fitted r² − b·r + c, by core's definition (Roots.dampingRatio). */
    static double rootsZeta(double b, double c) {
        double disc = b * b - 4 * c;
        if (disc < 0) return new Roots(b / 2, Math.sqrt(-disc) / 2, b / 2, -Math.sqrt(-disc) / 2).dampingRatio();
        return new Roots((b + Math.sqrt(disc)) / 2, 0, (b - Math.sqrt(disc)) / 2, 0).dampingRatio();
    }
}
