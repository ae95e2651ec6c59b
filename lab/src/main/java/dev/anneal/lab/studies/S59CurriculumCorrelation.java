package dev.anneal.lab.studies;

import dev.anneal.lab.Curve;
import dev.anneal.lab.Evidence;
import dev.anneal.lab.Figure;
import dev.anneal.lab.Mode;
import dev.anneal.lab.Rule;
import dev.anneal.lab.Study;
import dev.anneal.lab.Trial;
import dev.anneal.lab.task.Mlp;
import dev.anneal.lab.train.Scheduled;
import dev.anneal.optimizer.Method;

import java.util.SplittableRandom;

/**
 * S59: a curriculum whose difficulty is the gradient-noise level, a hyperparameter of the schedule set beside the
 * LR: rising with the warmup, falling during it, or flat at the same mean; full difficulty after the warmup in every arm.
 */
public final class S59CurriculumCorrelation implements Study {
    static final int INPUTS = 8, HIDDEN = 16, SAMPLES = 500, TEST = 1000, BATCH = 8;
    static final double LR = 0.1, SIGMA = 0.5;

    @Override public String id() { return "S59"; }
    @Override public Evidence evidence() { return Evidence.EXPERIMENT; }
    @Override public String source() { return "004"; }
    @Override public String title() { return "Curriculum difficulty rising with the warmup"; }

    @Override
    public String claim() {
        return "Curriculum difficulty (gradient-noise variance) rising together with the LR warmup (high correlation) gives lower final error than "
                + "mismatched schedules.";
    }

    static int steps(Mode mode) {
        return mode.pick(3000, 1000);
    }

    static String[][] arms(int steps) {
        int w = steps / 5;
        return new String[][] {{"rising with the warmup", "warmup(" + w + ", constant(" + SIGMA + "))"},
                {"falling during the warmup", "linear(" + SIGMA + ", 0, steps=" + w + ") then constant(" + SIGMA + ")"},
                {"flat during the warmup", "linear(" + SIGMA / 2 + ", " + SIGMA / 2 + ", steps=" + w + ") then constant(" + SIGMA + ")"}};
    }

    @Override
    public String setup(Mode mode) {
        int t = steps(mode), w = t / 5;
        StringBuilder b = new StringBuilder("Student tanh MLP " + INPUTS + "→" + HIDDEN + "→1 fitting a teacher of the same shape from " + SAMPLES
                + " samples (noise 0.1), optim's SGD, batch " + BATCH + ", " + t + " steps, lr = warmup(" + w + ", cosine(" + LR + ", steps=" + (t - w)
                + ")); difficulty: Gaussian noise of standard deviation σ(t) added to every gradient value, σ from the set:");
        for (String[] a : arms(t)) b.append(' ').append(a[0]).append(" σ = ").append(a[1]).append(';');
        return b.append(" the same mean σ during the warmup and the same σ after it.").toString();
    }

    @Override
    public String metric() {
        return "test mean squared error against the noise-free teacher at the end (lower is better); the Pearson correlation of η(t) and σ(t)² over "
                + "the warmup (from the set; an identity of the design).";
    }

    @Override
    public Rule rule() {
        return Rule.all(Rule.lower("rising with the warmup", "falling during the warmup"), Rule.lower("rising with the warmup", "flat during the warmup"));
    }

    @Override
    public Figure figure() {
        return Figure.logLog("Test error (mean over seeds)", "step", "test MSE");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Student student = Student.of(INPUTS, HIDDEN, SAMPLES, 0.1, TEST, rng);
        Mlp train = student.train(), test = student.test();
        float[] start = student.start();
        int steps = steps(mode), w = steps / 5, every = 10;
        Trial trial = new Trial();
        for (String[] arm : arms(steps)) {
            float[] p = start.clone(), g = new float[p.length];
            Scheduled opt = new Scheduled(Method.SGD, Scheduled.set(steps, "lr", "warmup(" + w + ", cosine(" + LR + ", steps=" + (steps - w) + "))",
                    "difficulty", arm[1]), p);
            SplittableRandom batches = new SplittableRandom(seed + 1), noise = new SplittableRandom(seed + 2);
            double[] curve = new double[steps / every + 1], eta = new double[w], var = new double[w];
            curve[0] = 2 * test.loss(p);
            for (int t = 0; t < steps; t++) {
                double sigma = opt.value("difficulty");
                if (t < w) {
                    eta[t] = opt.value("lr");
                    var[t] = sigma * sigma;
                }
                train.batchGradient(p, g, BATCH, batches);
                for (int i = 0; i < g.length; i++) g[i] += (float) (sigma * noise.nextGaussian());
                opt.step(g);
                if ((t + 1) % every == 0) curve[(t + 1) / every] = Curves.capped(2 * test.loss(p));
            }
            trial.metric(arm[0], curve[curve.length - 1]).metric(arm[0] + ": corr(η, σ²) in warmup", correlation(eta, var))
                    .curve(arm[0], new Curve(Curves.grid(curve.length, every), curve));
        }
        return trial;
    }

    /** Pearson correlation; 0 when either series is constant. */
    static double correlation(double[] a, double[] b) {
        double ma = 0, mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i] / a.length;
            mb += b[i] / b.length;
        }
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
    }
}
