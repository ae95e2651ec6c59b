package dev.anneal.lab.studies;

import dev.anneal.lab.Curve;
import dev.anneal.lab.Evidence;
import dev.anneal.lab.Figure;
import dev.anneal.lab.Mode;
import dev.anneal.lab.Rule;
import dev.anneal.lab.Study;
import dev.anneal.lab.Trial;
import dev.anneal.lab.task.Quadratic;
import dev.anneal.lab.train.Descent;
import dev.anneal.lab.train.Sgd;
import dev.anneal.schedule.Schedule;

import java.util.SplittableRandom;

/**
 * S16: GD is explicit Euler on gradient flow, with the step-size limits 1/M and 2/M and first-order tracking. Every GD
 * run, the tracking ones included, is optim's SGD in float32: its rounding (about 1e-7 relative per step) is four orders
 * below the smallest error measured (≈ 1e-3 at h = M/16), and the observed order agrees with a double-precision loop to
 * four decimals on every seed.
 */
public final class S16EulerStability implements Study {
    static final String DESCENT = "loss increases per run at h = 1/M";
    static final String GROWTH = "log10 L_T/L_0 at h = 2.2/M";
    static final String ORDER = "|observed order − 1| (GD vs flow at t = T)";
    static final double[] H_FACTORS = {0.5, 0.25, 0.125, 0.0625};

    @Override public String id() { return "S16"; }
    @Override public String title() { return "GD as explicit Euler: limits 1/M and 2/M"; }
    @Override public String source() { return "001"; }
    @Override public Evidence evidence() { return Evidence.IDENTITY; }

    @Override
    public String claim() {
        return "Gradient descent is explicit Euler on gradient flow: h ≤ 1/M guarantees descent, h > 2/M can increase the loss; "
                + "GD tracks the flow's trajectory as h → 0.";
    }

    @Override
    public String setup(Mode mode) {
        return "Quadratic with 10 curvatures drawn log-uniformly in [0.01, 1] per seed, M = λmax, start N(0, 1) per coordinate. "
                + "Descent: " + mode.pick(500, 200) + " GD steps at h = 1/M, counting steps where the loss rises. Growth: the same at h = 2.2/M. "
                + "Tracking: GD (optim's SGD, as everywhere here) with h = c/M for c in 0.5, 0.25, 0.125, 0.0625 up to flow time T = 5/M against the exact flow "
                + "xᵢ(t) = xᵢ(0)·e^(−λᵢt); the observed order is log2 of the ratio of successive errors, averaged.";
    }

    @Override
    public String metric() {
        return "number of loss increases at h = 1/M (expected 0); log10 of the loss ratio at h = 2.2/M (above 0: the loss grew); "
                + "distance of the observed convergence order from Euler's order 1 (tolerance 0.1).";
    }

    @Override
    public Rule rule() {
        return Rule.all(Rule.below(DESCENT, 0.5), Rule.above(GROWTH, 0), Rule.below(ORDER, 0.1));
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

        double[] safe = Descent.run(start.clone(), (p, g, t) -> task.gradient(p, g), task::loss, Schedule.constant(1 / m),
                Sgd.plain(), steps, 1);
        int rises = 0;
        for (int t = 1; t < safe.length; t++) if (safe[t] > safe[t - 1]) rises++;
        double[] fast = Descent.run(start.clone(), (p, g, t) -> task.gradient(p, g), task::loss, Schedule.constant(2.2 / m),
                Sgd.plain(), steps, 1);
        double growth = Curves.log10Capped(fast[fast.length - 1], Descent.DIVERGED) - Math.log10(fast[0]);

        double[] err = new double[H_FACTORS.length], hs = new double[H_FACTORS.length];
        double time = 5 / m;
        for (int k = 0; k < H_FACTORS.length; k++) {
            double h = H_FACTORS[k] / m;
            long n = Math.round(time / h);
            float[] x = start.clone();
            Descent.run(x, (p, g, t) -> task.gradient(p, g), task::loss, Schedule.constant(h), Sgd.plain(), n, (int) n);
            for (int i = 0; i < x.length; i++) err[k] = Math.max(err[k], Math.abs(x[i] - start[i] * Math.exp(-c[i] * time)));
            hs[k] = H_FACTORS[k];
        }
        double order = 0;
        for (int k = 1; k < err.length; k++) order += Math.log(err[k - 1] / err[k]) / Math.log(2) / (err.length - 1);
        return new Trial().metric(DESCENT, rises).metric(GROWTH, growth).metric(ORDER, Math.abs(order - 1))
                .curve("GD error", new Curve(hs, err)).curve("slope 1 reference", new Curve(hs, scaled(hs, err[0] / hs[0])));
    }

    private static double[] scaled(double[] x, double factor) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = x[i] * factor;
        return y;
    }
}
