package dev.anneal.lab.studies;

import dev.anneal.lab.Curve;
import dev.anneal.lab.Evidence;
import dev.anneal.lab.Figure;
import dev.anneal.lab.Mode;
import dev.anneal.lab.Rule;
import dev.anneal.lab.Study;
import dev.anneal.lab.Trial;
import dev.anneal.lab.train.Scheduled;
import dev.anneal.optimizer.Method;

import java.util.SplittableRandom;

/**
 * S56: a detection head as logistic classification of anchors. A dense single-stage head sees every anchor (1%
 * foreground), a sparse two-stage head sees proposals (25% foreground); the same classifier and rate, with and
 * without warmup, and the early accuracy compared.
 */
public final class S56DenseHeads implements Study {
    static final int DIM = 8, BATCH = 64, TEST = 2000;
    static final double LR = 2, SEPARATION = 2;

    @Override public String id() { return "S56"; }
    @Override public Evidence evidence() { return Evidence.EXPERIMENT; }
    @Override public String source() { return "004"; }
    @Override public String title() { return "Dense vs sparse detection heads: warmup's early gain"; }

    @Override
    public String claim() {
        return "Dense single-stage detection heads (many background predictions) gain more early accuracy from warmup than sparse two-stage heads.";
    }

    static int steps(Mode mode) {
        return mode.pick(500, 200);
    }

    @Override
    public String setup(Mode mode) {
        int t = steps(mode);
        return "Anchors: background features N(0, I), foreground N(μ, I) with ‖μ‖ = " + SEPARATION + " in " + DIM + " dimensions; a logistic classifier "
                + "(weights and bias, from 0) trained by optim's SGD on batches of " + BATCH + " anchors, lr " + LR + ", " + t + " steps. Dense head: 1% "
                + "foreground; sparse head: 25%. Each with constant(" + LR + ") and warmup(" + t / 5 + ", constant(" + LR + ")), same batches.";
    }

    @Override
    public String metric() {
        return "early accuracy: balanced accuracy (mean of the foreground and background recall at threshold ½) on " + TEST + " + " + TEST + " test anchors "
                + "averaged over the first 20% of steps; the gain is warmup minus no warmup (higher: warmup helped more).";
    }

    @Override
    public Rule rule() {
        return Rule.higher("dense: gain", "sparse: gain");
    }

    @Override
    public Figure figure() {
        return Figure.logX("Balanced accuracy (mean over seeds)", "step", "balanced accuracy");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        int steps = steps(mode), early = steps / 5;
        SplittableRandom rng = new SplittableRandom(seed);
        double[] mu = new double[DIM];
        double n = 0;
        for (int j = 0; j < DIM; j++) {
            mu[j] = rng.nextGaussian();
            n += mu[j] * mu[j];
        }
        for (int j = 0; j < DIM; j++) mu[j] *= SEPARATION / Math.sqrt(n);
        double[][] fg = anchors(TEST, mu, 1, rng), bg = anchors(TEST, mu, 0, rng);
        Trial trial = new Trial();
        for (Object[] head : new Object[][] {{"dense", 0.01}, {"sparse", 0.25}}) {
            double[] acc = new double[2];
            for (int w = 0; w < 2; w++) {
                String lr = w == 0 ? "constant(" + LR + ")" : "warmup(" + steps / 5 + ", constant(" + LR + "))";
                float[] p = new float[DIM + 1], g = new float[DIM + 1];
                Scheduled opt = new Scheduled(Method.SGD, Scheduled.set(steps, "lr", lr), p);
                SplittableRandom data = new SplittableRandom(seed + 1);
                double[] curve = new double[steps + 1];
                curve[0] = balanced(p, fg, bg);
                for (int t = 0; t < steps; t++) {
                    java.util.Arrays.fill(g, 0);
                    for (int b = 0; b < BATCH; b++) {
                        boolean fore = data.nextDouble() < (double) head[1];
                        double[] x = new double[DIM];
                        double z = p[DIM];
                        for (int j = 0; j < DIM; j++) {
                            x[j] = (fore ? mu[j] : 0) + data.nextGaussian();
                            z += p[j] * x[j];
                        }
                        double r = 1 / (1 + Math.exp(-z)) - (fore ? 1 : 0);
                        for (int j = 0; j < DIM; j++) g[j] += (float) (r * x[j] / BATCH);
                        g[DIM] += (float) (r / BATCH);
                    }
                    opt.step(g);
                    curve[t + 1] = balanced(p, fg, bg);
                    if (t < early) acc[w] += curve[t + 1] / early;
                }
                trial.curve(head[0] + (w == 0 ? ", constant" : ", warmup"), new Curve(Curves.grid(steps + 1, 1), curve));
            }
            trial.metric(head[0] + ": gain", acc[1] - acc[0]);
        }
        return trial;
    }

    private static double[][] anchors(int n, double[] mu, double scale, SplittableRandom rng) {
        double[][] x = new double[n][DIM];
        for (double[] r : x) for (int j = 0; j < DIM; j++) r[j] = scale * mu[j] + rng.nextGaussian();
        return x;
    }

    private static double balanced(float[] p, double[][] fg, double[][] bg) {
        double hit = 0, reject = 0;
        for (double[] x : fg) if (score(p, x) > 0) hit++;
        for (double[] x : bg) if (score(p, x) <= 0) reject++;
        return (hit / fg.length + reject / bg.length) / 2;
    }

    private static double score(float[] p, double[] x) {
        double z = p[DIM];
        for (int j = 0; j < DIM; j++) z += p[j] * x[j];
        return z;
    }
}
