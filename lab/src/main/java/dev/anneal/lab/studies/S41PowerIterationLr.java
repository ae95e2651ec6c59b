package dev.anneal.lab.studies;

import dev.anneal.lab.Curve;
import dev.anneal.lab.Figure;
import dev.anneal.lab.Mode;
import dev.anneal.lab.Rule;
import dev.anneal.lab.Study;
import dev.anneal.lab.Trial;
import dev.anneal.lab.task.Quartic;
import dev.anneal.lab.train.Descent;
import dev.anneal.lab.train.Sgd;
import dev.anneal.optim.curvature.Hvp;
import dev.anneal.optim.curvature.PowerIteration;
import dev.anneal.optim.curvature.Spectra;

import java.util.SplittableRandom;

/** S41: η = 2s/ρ with ρ the online power-iteration estimate of λmax trains near the speed limit, faster than a safe fixed LR. */
public final class S41PowerIterationLr implements Study {
    static final int D = 10, EVERY = 10;
    static final double S = 0.9, MU = 1, TARGET = 1e-6;
    static final String ADAPTIVE = "steps to 1e-6·L0, η = 2s/ρ (power iteration)";
    static final String SAFE = "steps to 1e-6·L0, safe fixed η = 2s/λmax(x0)";
    static final String DIVERGED = "diverged share, η = 2s/ρ";
    static final String OPTIMUM_LIMIT = "diverged share, fixed η = 2s/λmax(x*)";

    @Override public String id() { return "S41"; }
    @Override public String title() { return "Curvature-adaptive LR from power iteration"; }
    @Override public String source() { return "003"; }

    @Override
    public String claim() {
        return "Online λmax by power iteration (Hessian–vector products) with ηt = 2s/ρt (s < 1) trains near the speed limit without "
                + "diverging, faster than a safe fixed LR.";
    }

    private static int steps(Mode mode) {
        return mode.pick(20000, 5000);
    }

    @Override
    public String setup(Mode mode) {
        return "Quartic bowl Σ ½λᵢyᵢ² + ¼yᵢ⁴ in a random rotated basis (y = Qᵀx), " + D + " curvatures λ log-spaced in [0.1, 1], start "
                + "x ~ N(0, 2²) per coordinate: the curvature λ + 3y² is large far out and falls towards the minimum. Adaptive arm: "
                + "every " + EVERY + " steps ρ = optim's PowerIteration (exact Hessian–vector products, warm start, at most 20 products, "
                + "tolerance 1e-3) and η = 2·" + S + "/ρ. Safe fixed arm: η = 2·" + S + "/λmax(x0), safe along the whole descent. Speed-limit "
                + "arm: fixed η = 2·" + S + "/λmax(0) (safe only near the minimum). Full-batch GD, at most " + steps(mode) + " steps.";
    }

    @Override
    public String metric() {
        return "steps until the loss falls below 1e-6 of its start (the step cap if never; lower is faster); share of runs diverging "
                + "(loss above 1e12).";
    }

    @Override
    public Rule rule() {
        return Rule.all(Rule.lower(ADAPTIVE, SAFE), Rule.below(DIVERGED, 0.5));
    }

    @Override
    public Figure figure() {
        return Figure.logY("Loss (mean over seeds; a diverged run counts as 1e12 from then on)", "step", "loss");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] lambda = new double[D];
        for (int i = 0; i < D; i++) lambda[i] = Math.pow(10, -i / (D - 1.0));
        Quartic task = new Quartic(lambda, MU, Spectra.randomOrthogonal(D, seed));
        float[] start = new float[D];
        for (int i = 0; i < D; i++) start[i] = (float) (2 * rng.nextGaussian());
        int steps = steps(mode);
        double safe = 2 * S / task.lambdaMax(start), limit = 2 * S / task.lambdaMax(new float[D]);
        double[][] curves = new double[3][];
        long[] reached = new long[3];
        boolean[] diverged = new boolean[3];
        for (int arm = 0; arm < 3; arm++) {
            float[] x = start.clone(), g = new float[D];
            Sgd sgd = Sgd.plain();
            PowerIteration power = new PowerIteration(20, 1e-3, seed);
            double[] v = null, curve = new double[steps / 100 + 1];
            double l0 = task.loss(x), eta = arm == 1 ? safe : limit;
            reached[arm] = steps;
            for (int t = 0; t <= steps; t++) {
                double l = task.loss(x);
                if (t % 100 == 0) curve[t / 100] = l;
                if (!(l <= 1e12)) {
                    diverged[arm] = true;
                    java.util.Arrays.fill(curve, t / 100, curve.length, Descent.DIVERGED);
                    break;
                }
                if (l < TARGET * l0) {
                    reached[arm] = t;
                    for (int k = t / 100 + 1; k < curve.length; k++) curve[k] = l;
                    break;
                }
                if (t == steps) break;
                if (arm == 0 && t % EVERY == 0) {
                    float[] at = x.clone();
                    Hvp hvp = Hvp.of(D, w -> {
                        float[] in = new float[D], out = new float[D];
                        for (int i = 0; i < D; i++) in[i] = (float) w[i];
                        task.hvp(at, in, out);
                        double[] r = new double[D];
                        for (int i = 0; i < D; i++) r[i] = out[i];
                        return r;
                    });
                    PowerIteration.Estimate e = v == null ? power.run(hvp) : power.run(hvp, v);
                    v = e.vector();
                    eta = 2 * S / Math.abs(e.value());
                }
                task.gradient(x, g);
                sgd.step(x, g, eta);
            }
            curves[arm] = curve;
        }
        Trial trial = new Trial().metric(ADAPTIVE, reached[0]).metric(SAFE, reached[1]).metric(DIVERGED, diverged[0] ? 1 : 0)
                .metric(OPTIMUM_LIMIT, diverged[2] ? 1 : 0);
        double[] x = Curves.grid(curves[0].length, 100);
        String[] names = {"η = 2s/ρ (power iteration)", "safe fixed η", "fixed η at the optimum's limit"};
        for (int arm = 0; arm < 3; arm++) trial.curve(names[arm], new Curve(x, curves[arm]));
        return trial;
    }
}
