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
 * S29: dropout as a hyperparameter of the schedule set, in counter-phase with a cyclical LR or in phase with it.
 * Toy dropout: inverted dropout on the inputs of a linear regression; it scales the per-sample curvature by up to
 * 1/(1 − p), so dropout high at an LR peak pushes η·λ towards its limit.
 */
public final class S29DropoutCounterPhase implements Study {
    static final int DIM = 20, SAMPLES = 200, BATCH = 4;
    static final double LO = 0.005, HI = 0.08, P_LO = 0.05, P_HI = 0.5, NOISE = 0.3;

    @Override public String id() { return "S29"; }
    @Override public Evidence evidence() { return Evidence.EXPERIMENT; }
    @Override public String source() { return "002"; }
    @Override public String title() { return "Dropout in counter-phase with a cyclical LR"; }

    @Override
    public String claim() {
        return "Dropout in counter-phase with a cyclical LR (low dropout at LR peaks) improves stability.";
    }

    static int steps(Mode mode) {
        return mode.pick(4000, 1200);
    }

    static String[][] arms() {
        return new String[][] {{"counter-phase", "rescale(counter(lr), min=" + P_LO + ", max=" + P_HI + ")"},
                {"in phase", "rescale(lr, min=" + P_LO + ", max=" + P_HI + ")"}, {"constant", "constant(" + (P_LO + P_HI) / 2 + ")"}};
    }

    @Override
    public String setup(Mode mode) {
        int t = steps(mode);
        return "Linear regression, " + DIM + " standard Gaussian features, " + SAMPLES + " samples, noise " + NOISE + "; inverted dropout with rate p(t) "
                + "on the inputs, minibatch " + BATCH + ", optim's SGD, " + t + " steps; lr = cyclic(" + LO + ", " + HI + ", up=" + t / 8 + "); dropout "
                + "counter-phase rescale(counter(lr), min=" + P_LO + ", max=" + P_HI + "), in phase rescale(lr, …), or constant(" + (P_LO + P_HI) / 2
                + ") (the same mean).";
    }

    @Override
    public String metric() {
        return "instability: standard deviation of log10 of the full training loss (no dropout) over the evaluations of the second half (lower is "
                + "more stable); and the mean of that loss.";
    }

    @Override
    public Rule rule() {
        return Rule.all(Rule.lower("counter-phase: instability", "in phase: instability"), Rule.lower("counter-phase: instability", "constant: instability"));
    }

    @Override
    public Figure figure() {
        return Figure.logY("Training loss (mean over seeds)", "step", "loss");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        int steps = steps(mode), every = 10;
        SplittableRandom rng = new SplittableRandom(seed);
        var task = dev.anneal.lab.task.LinearRegression.synthetic(SAMPLES, Curves.filled(DIM, 1), NOISE, rng);
        double[][] x = task.inputs();
        double[] y = task.targets();
        Trial trial = new Trial();
        for (String[] arm : arms()) {
            float[] w = new float[DIM], g = new float[DIM];
            Scheduled opt = new Scheduled(Method.SGD, Scheduled.set(steps, "lr", "cyclic(" + LO + ", " + HI + ", up=" + steps / 8 + ")", "dropout", arm[1]), w);
            SplittableRandom data = new SplittableRandom(seed + 1);
            double[] curve = new double[steps / every + 1];
            curve[0] = task.loss(w);
            for (int t = 0; t < steps; t++) {
                double p = opt.value("dropout");
                java.util.Arrays.fill(g, 0);
                double[] xi = new double[DIM];
                for (int b = 0; b < BATCH; b++) {
                    int i = data.nextInt(SAMPLES);
                    double r = -y[i];
                    for (int j = 0; j < DIM; j++) {
                        xi[j] = data.nextDouble() < p ? 0 : x[i][j] / (1 - p);
                        r += w[j] * xi[j];
                    }
                    for (int j = 0; j < DIM; j++) g[j] += (float) (r * xi[j] / BATCH);
                }
                opt.step(g);
                if ((t + 1) % every == 0) curve[(t + 1) / every] = Curves.capped(task.loss(w));
            }
            double mean = 0, sq = 0;
            int half = curve.length / 2, n = curve.length - half;
            for (int i = half; i < curve.length; i++) {
                double l = Math.log10(curve[i]);
                mean += l / n;
                sq += l * l / n;
            }
            trial.metric(arm[0] + ": instability", Math.sqrt(Math.max(0, sq - mean * mean))).metric(arm[0] + ": mean log10 loss", mean)
                    .curve(arm[0], new Curve(Curves.grid(curve.length, every), curve));
        }
        return trial;
    }
}
