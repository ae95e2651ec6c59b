package dev.anneal.lab.studies;

import dev.anneal.lab.Curve;
import dev.anneal.lab.Evidence;
import dev.anneal.lab.Figure;
import dev.anneal.lab.Mode;
import dev.anneal.lab.Previous;
import dev.anneal.lab.Rule;
import dev.anneal.lab.Study;
import dev.anneal.lab.Trial;
import dev.anneal.lab.Verdict;
import dev.anneal.lab.task.Quadratic;
import dev.anneal.lab.task.Rugged;
import dev.anneal.lab.train.Descent;
import dev.anneal.lab.train.Optimizers;
import dev.anneal.schedule.Schedule;

import java.util.Optional;
import java.util.SplittableRandom;

/**
 * S16: GD is explicit Euler on gradient flow, with the step-size limits 1/M and 2/M and first-order tracking. Every GD
 * run, the tracking ones included, is optim's SGD in float32: its rounding (about 1e-7 relative per step) is four orders
 * below the smallest error measured (≈ 1e-3 at h = M/16), and the observed order agrees with a double-precision loop to
 * four decimals on every seed.
 */
public final class S16EulerStability implements Study {
    static final String DESCENT = "loss increases per run at h = 1/M (rugged landscape)";
    static final String BETWEEN = "loss increases per run at h = 1.9/M (rugged landscape)";
    static final String GROWTH = "loss increases per run at h = 2.2/M (rugged landscape)";
    /** Non-convex and M-smooth, M = 1 + 0.3·π² ≈ 3.96: the curvature varies, unlike a quadratic's, where any h < 2/M descends. */
    static final Rugged RUGGED = new Rugged(10, 1, 0.3, 2);
    static final String ORDER = "|observed order − 1| (GD vs flow at t = T)";
    static final double[] H_FACTORS = {0.5, 0.25, 0.125, 0.0625};

    @Override public String id() { return "S16"; }
    @Override public String title() { return "GD as explicit Euler: limits 1/M and 2/M"; }
    @Override public String source() { return "001"; }
    @Override public Evidence evidence() { return Evidence.SIMULATION; }
    @Override public Optional<Previous> previous() { return Optional.of(new Previous(Verdict.REPRODUCED, "descent and growth are now measured on a non-convex landscape, where the curvature varies; on the quadratic any h < 2/M descends, so 1/M and 2/M could not be told apart")); }

    @Override
    public String claim() {
        return "Gradient descent is explicit Euler on gradient flow: h ≤ 1/M guarantees descent, h > 2/M can increase the loss; "
                + "GD tracks the flow's trajectory as h → 0.";
    }

    @Override
    public String setup(Mode mode) {
        return "Descent and growth on the non-convex rugged landscape Σ ½xᵢ² + 0.3·(1 − cos(π·xᵢ)) in 10 dimensions (M = 1 + 0.3π²; "
                + "curvature from 1 − 0.3π² to M), start uniform in [−3, 3] per coordinate: " + mode.pick(500, 200) + " GD steps at h = 1/M, "
                + "1.9/M and 2.2/M, counting steps where the loss rises (on a quadratic, which an earlier version used, every h < 2/M descends, "
                + "so it could not tell the two limits apart). Tracking, on a quadratic with 10 curvatures drawn log-uniformly in [0.01, 1] "
                + "per seed, M = λmax, start N(0, 1) per coordinate: GD (optim's SGD, as everywhere here) with h = c/M for c in 0.5, 0.25, 0.125, 0.0625 up to flow time T = 5/M against the exact flow "
                + "xᵢ(t) = xᵢ(0)·e^(−λᵢt); the observed order is log2 of the ratio of successive errors, averaged.";
    }

    @Override
    public String metric() {
        return "number of loss increases at h = 1/M (the descent lemma: 0), at 1.9/M (reported: the lemma's bound h < 2/M also gives "
                + "descent) and at 2.2/M (the claim: some); "
                + "distance of the observed convergence order from Euler's order 1 (tolerance 0.1).";
    }

    @Override
    public Rule rule() {
        return Rule.all(Rule.part("h ≤ 1/M descends, h > 2/M can climb (non-convex)", Evidence.SIMULATION,
                        Rule.all(Rule.below(DESCENT, 0.5), Rule.above(GROWTH, 0.5))),
                Rule.part("GD tracks the flow with order 1", Evidence.SIMULATION, Rule.below(ORDER, 0.1)));
    }

    @Override
    public Figure figure() {
        return Figure.logLog("Error of GD against the gradient flow at t = 5/M (mean over seeds)", "h·M", "max |x_GD − x_flow|");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] c = new double[10];
        for (int i = 0; i < c.length; i++) c[i] = Math.pow(10, -2 + 2 * rng.nextDouble());
        Quadratic task = new Quadratic(c);
        double m = task.lambdaMax();
        float[] start = new float[c.length];
        for (int i = 0; i < start.length; i++) start[i] = (float) rng.nextGaussian();
        int steps = mode.pick(500, 200);

        float[] rugged = new float[RUGGED.dimension()];
        for (int i = 0; i < rugged.length; i++) rugged[i] = (float) (6 * rng.nextDouble() - 3);
        double mr = 1 + 0.3 * Math.PI * Math.PI;
        int rises = rises(rugged, 1 / mr, steps), between = rises(rugged, 1.9 / mr, steps), growth = rises(rugged, 2.2 / mr, steps);

        double[] err = new double[H_FACTORS.length], hs = new double[H_FACTORS.length];
        double time = 5 / m;
        for (int k = 0; k < H_FACTORS.length; k++) {
            double h = H_FACTORS[k] / m;
            long n = Math.round(time / h);
            float[] x = start.clone();
            Descent.run(x, (p, g, t) -> task.gradient(p, g), task::loss, Schedule.constant(h), Optimizers::sgd, n, (int) n);
            for (int i = 0; i < x.length; i++) err[k] = Math.max(err[k], Math.abs(x[i] - start[i] * Math.exp(-c[i] * time)));
            hs[k] = H_FACTORS[k];
        }
        double order = 0;
        for (int k = 1; k < err.length; k++) order += Math.log(err[k - 1] / err[k]) / Math.log(2) / (err.length - 1);
        return new Trial().metric(DESCENT, rises).metric(BETWEEN, between).metric(GROWTH, growth).metric(ORDER, Math.abs(order - 1))
                .curve("GD error", new Curve(hs, err)).curve("slope 1 reference", new Curve(hs, scaled(hs, err[0] / hs[0])));
    }

    /** Steps at which GD on the rugged landscape at rate h raised the loss. */
    private static int rises(float[] start, double h, int steps) {
        double[] curve = Descent.run(start.clone(), (p, g, t) -> RUGGED.gradient(p, g), RUGGED::loss, Schedule.constant(h), Optimizers::sgd, steps, 1);
        int rises = 0;
        // a rise smaller than float32 rounding of the loss is not a rise
        for (int t = 1; t < curve.length; t++) if (curve[t] > curve[t - 1] * (1 + 1e-5) + 1e-6) rises++;
        return rises;
    }

    private static double[] scaled(double[] x, double factor) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = x[i] * factor;
        return y;
    }
}
