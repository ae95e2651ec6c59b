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
import dev.anneal.optim.ScheduleSet;

import java.util.SplittableRandom;

/**
 * S27: augmentation strength as a hyperparameter of the schedule set, driven in counter-phase with a cyclical LR
 * ({@code augmentation: rescale(counter(cycle), …)}). Toy augmentation: Gaussian noise of standard deviation a(t) added
 * to the inputs of an over-parameterised linear regression (it acts as a ridge penalty a² and adds gradient noise).
 */
public final class S27AugmentationCounterPhase implements Study {
    static final int DIM = 40, SAMPLES = 30, BATCH = 5;
    static final double LO = 0.005, HI = 0.05, AUG = 1, NOISE = 0.5;

    @Override public String id() { return "S27"; }
    @Override public Evidence evidence() { return Evidence.EXPERIMENT; }
    @Override public String source() { return "002"; }
    @Override public String title() { return "Augmentation strength in counter-phase with the LR"; }

    @Override
    public String claim() {
        return "Augmentation strength scheduled in counter-phase with the LR keeps exploration (η × noise) roughly constant and generalises better "
                + "than either alone.";
    }

    static int steps(Mode mode) {
        return mode.pick(4000, 1200);
    }

    static String cycle(int steps) {
        return "cyclic(" + LO + ", " + HI + ", up=" + steps / 8 + ")";
    }

    static String[][] arms(int steps) {
        String mean = "constant(" + (LO + HI) / 2 + ")", counter = "rescale(counter(cycle), min=0, max=" + AUG + ")";
        return new String[][] {{"co-scheduled (counter-phase)", "cycle", counter}, {"in phase", "cycle", "rescale(cycle, min=0, max=" + AUG + ")"},
                {"LR cycle alone", "cycle", "constant(" + AUG / 2 + ")"}, {"augmentation cycle alone", mean, counter}};
    }

    @Override
    public String setup(Mode mode) {
        int t = steps(mode);
        StringBuilder b = new StringBuilder("Linear regression with " + DIM + " features and " + SAMPLES + " samples (over-parameterised; teacher N(0, 1), "
                + "label noise " + NOISE + "), inputs augmented with N(0, a(t)²) noise, minibatch " + BATCH + ", optim's SGD, " + t + " steps. One "
                + "schedule set per arm with cycle = " + cycle(t) + ", lr and augmentation:");
        for (String[] a : arms(t)) b.append(' ').append(a[0]).append(": lr = ").append(a[1]).append(", augmentation = ").append(a[2]).append(';');
        return b.append(" every arm has the same budget Σηₜ and the same mean augmentation ").append(AUG / 2).append('.').toString();
    }

    @Override
    public String metric() {
        return "test excess loss ½‖w − w*‖² (isotropic inputs), mean over the last 10% of evaluations (lower generalises better); exploration: "
                + "coefficient of variation over the run of the measured update noise η·‖g(augmented) − g(clean)‖ (lower is more constant).";
    }

    @Override
    public Rule rule() {
        return Rule.all(Rule.part("exploration kept more constant", Evidence.EXPERIMENT,
                        Rule.lower("co-scheduled (counter-phase): exploration CV", "LR cycle alone: exploration CV")),
                Rule.part("generalises better than either alone", Evidence.EXPERIMENT, Rule.all(Rule.lower("co-scheduled (counter-phase)", "LR cycle alone"),
                        Rule.lower("co-scheduled (counter-phase)", "augmentation cycle alone"))));
    }

    @Override
    public Figure figure() {
        return Figure.logY("Test excess loss (mean over seeds)", "step", "½‖w − w*‖²");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        int steps = steps(mode), every = 20;
        SplittableRandom rng = new SplittableRandom(seed);
        double[] teacher = new double[DIM];
        for (int j = 0; j < DIM; j++) teacher[j] = rng.nextGaussian() / Math.sqrt(DIM) * 2;
        double[][] x = new double[SAMPLES][DIM];
        double[] y = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            for (int j = 0; j < DIM; j++) {
                x[i][j] = rng.nextGaussian();
                y[i] += x[i][j] * teacher[j];
            }
            y[i] += NOISE * rng.nextGaussian();
        }
        Trial trial = new Trial();
        for (String[] arm : arms(steps)) {
            ScheduleSet set = Scheduled.set(steps, "cycle", cycle(steps), "lr", arm[1], "augmentation", arm[2]);
            float[] w = new float[DIM], g = new float[DIM];
            Scheduled opt = new Scheduled(Method.SGD, set, w);
            SplittableRandom data = new SplittableRandom(seed + 1);
            double[] curve = new double[steps / every + 1];
            curve[0] = excess(w, teacher);
            double sum = 0, sumSq = 0;
            for (int t = 0; t < steps; t++) {
                double a = opt.value("augmentation"), eta = opt.value("lr"), explore = 0;
                java.util.Arrays.fill(g, 0);
                double[] clean = new double[DIM];
                for (int b = 0; b < BATCH; b++) {
                    int i = data.nextInt(SAMPLES);
                    double[] xi = new double[DIM];
                    double r = -y[i], rc = -y[i];
                    for (int j = 0; j < DIM; j++) {
                        xi[j] = x[i][j] + a * data.nextGaussian();
                        r += w[j] * xi[j];
                        rc += w[j] * x[i][j];
                    }
                    for (int j = 0; j < DIM; j++) {
                        g[j] += (float) (r * xi[j] / BATCH);
                        clean[j] += rc * x[i][j] / BATCH;
                    }
                }
                for (int j = 0; j < DIM; j++) explore += (g[j] - clean[j]) * (g[j] - clean[j]);
                explore = eta * Math.sqrt(explore);
                sum += explore;
                sumSq += explore * explore;
                opt.step(g);
                if ((t + 1) % every == 0) curve[(t + 1) / every] = excess(w, teacher);
            }
            double mean = sum / steps, cv = Math.sqrt(Math.max(0, sumSq / steps - mean * mean)) / mean;
            trial.metric(arm[0], Curves.capped(Curves.tailMean(curve, 0.1))).metric(arm[0] + ": exploration CV", cv)
                    .curve(arm[0], new Curve(Curves.grid(curve.length, every), curve));
        }
        return trial;
    }

    static double excess(float[] w, double[] teacher) {
        double s = 0;
        for (int j = 0; j < w.length; j++) s += (w[j] - teacher[j]) * (w[j] - teacher[j]);
        return 0.5 * s;
    }
}
