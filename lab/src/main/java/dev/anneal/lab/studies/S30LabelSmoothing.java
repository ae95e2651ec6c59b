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
 * S30: label smoothing α(t) as a hyperparameter of the schedule set, on a cosine from strong to none, against fixed
 * α. Binary logistic regression on data from a known logistic model, so the test's calibrated probabilities exist.
 */
public final class S30LabelSmoothing implements Study {
    static final int DIM = 10, SAMPLES = 100, TEST = 4000, BATCH = 10;
    static final double ALPHA = 0.2, LR = 0.5, SCALE = 3;

    @Override public String id() { return "S30"; }
    @Override public Evidence evidence() { return Evidence.EXPERIMENT; }
    @Override public String source() { return "002"; }
    @Override public String title() { return "Label smoothing on a cosine schedule"; }

    @Override
    public String claim() {
        return "Label smoothing α(t) on a cosine schedule (strong early, weak late) balances calibration and accuracy better than fixed α.";
    }

    static int steps(Mode mode) {
        return mode.pick(3000, 1000);
    }

    static String[][] arms(int steps) {
        return new String[][] {{"cosine α", "cosine(" + ALPHA + ", steps=" + steps + ")"}, {"fixed α = " + ALPHA / 2, "constant(" + ALPHA / 2 + ")"},
                {"fixed α = 0", "constant(0)"}, {"fixed α = " + ALPHA, "constant(" + ALPHA + ")"}};
    }

    @Override
    public String setup(Mode mode) {
        int t = steps(mode);
        return "Binary logistic regression, " + DIM + " Gaussian features, labels drawn from a logistic teacher with ‖w*‖ = " + SCALE + ", " + SAMPLES
                + " training samples; targets y·(1 − α) + α/2; optim's SGD, lr " + LR + " constant, batch " + BATCH + ", " + t + " steps. Schedule set "
                + "with label_smoothing = cosine(" + ALPHA + ", steps=" + t + ") (strong early, 0 at the end) or constant " + ALPHA / 2 + " (the same mean), "
                + "0, " + ALPHA + ". Test on " + TEST + " fresh samples.";
    }

    @Override
    public String metric() {
        return "test negative log-likelihood (lower: calibration and accuracy together); test error and expected calibration error (10 bins) "
                + "reported beside it.";
    }

    @Override
    public Rule rule() {
        return Rule.all(Rule.lower("cosine α: NLL", "fixed α = " + ALPHA / 2 + ": NLL"), Rule.lower("cosine α: NLL", "fixed α = 0: NLL"),
                Rule.lower("cosine α: NLL", "fixed α = " + ALPHA + ": NLL"));
    }

    @Override
    public Figure figure() {
        return Figure.linear("Test negative log-likelihood (mean over seeds)", "step", "NLL");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        int steps = steps(mode), every = 25;
        SplittableRandom rng = new SplittableRandom(seed);
        double[] teacher = new double[DIM];
        double n2 = 0;
        for (int j = 0; j < DIM; j++) {
            teacher[j] = rng.nextGaussian();
            n2 += teacher[j] * teacher[j];
        }
        for (int j = 0; j < DIM; j++) teacher[j] *= SCALE / Math.sqrt(n2);
        double[][] x = sample(SAMPLES, rng), tx = sample(TEST, rng);
        double[] y = labels(x, teacher, rng), ty = labels(tx, teacher, rng);
        Trial trial = new Trial();
        for (String[] arm : arms(steps)) {
            float[] w = new float[DIM], g = new float[DIM];
            Scheduled opt = new Scheduled(Method.SGD, Scheduled.set(steps, "lr", LR, "label_smoothing", arm[1]), w);
            SplittableRandom batches = new SplittableRandom(seed + 1);
            double[] curve = new double[steps / every + 1];
            curve[0] = nll(w, tx, ty);
            for (int t = 0; t < steps; t++) {
                double alpha = opt.value("label_smoothing");
                java.util.Arrays.fill(g, 0);
                for (int b = 0; b < BATCH; b++) {
                    int i = batches.nextInt(SAMPLES);
                    double r = sigmoid(dot(w, x[i])) - (y[i] * (1 - alpha) + alpha / 2);
                    for (int j = 0; j < DIM; j++) g[j] += (float) (r * x[i][j] / BATCH);
                }
                opt.step(g);
                if ((t + 1) % every == 0) curve[(t + 1) / every] = nll(w, tx, ty);
            }
            trial.metric(arm[0] + ": NLL", curve[curve.length - 1]).metric(arm[0] + ": error", error(w, tx, ty)).metric(arm[0] + ": ECE", ece(w, tx, ty))
                    .curve(arm[0], new Curve(Curves.grid(curve.length, every), curve));
        }
        return trial;
    }

    static double[][] sample(int n, SplittableRandom rng) {
        double[][] x = new double[n][DIM];
        for (double[] r : x) for (int j = 0; j < DIM; j++) r[j] = rng.nextGaussian();
        return x;
    }

    static double[] labels(double[][] x, double[] teacher, SplittableRandom rng) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double z = 0;
            for (int j = 0; j < DIM; j++) z += teacher[j] * x[i][j];
            y[i] = rng.nextDouble() < sigmoid(z) ? 1 : 0;
        }
        return y;
    }

    static double dot(float[] w, double[] x) {
        double s = 0;
        for (int j = 0; j < w.length; j++) s += w[j] * x[j];
        return s;
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    static double nll(float[] w, double[][] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double z = dot(w, x[i]);
            s += Math.log1p(Math.exp(-Math.abs(z))) + Math.max(z, 0) - y[i] * z;
        }
        return s / x.length;
    }

    static double error(float[] w, double[][] x, double[] y) {
        int wrong = 0;
        for (int i = 0; i < x.length; i++) if ((dot(w, x[i]) > 0) != (y[i] > 0.5)) wrong++;
        return wrong / (double) x.length;
    }

    /** Expected calibration error over 10 equal-width bins of the predicted probability. */
    static double ece(float[] w, double[][] x, double[] y) {
        double[] conf = new double[10], hits = new double[10];
        int[] count = new int[10];
        for (int i = 0; i < x.length; i++) {
            double p = sigmoid(dot(w, x[i]));
            int b = Math.min(9, (int) (p * 10));
            conf[b] += p;
            hits[b] += y[i];
            count[b]++;
        }
        double e = 0;
        for (int b = 0; b < 10; b++) if (count[b] > 0) e += Math.abs(conf[b] - hits[b]) / x.length;
        return e;
    }
}
