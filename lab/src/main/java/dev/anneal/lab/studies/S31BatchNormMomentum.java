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
 * S31: a BatchNorm layer's running-mean momentum as a hyperparameter of the schedule set, in anti-phase or in phase
 * with a cyclical LR. Toy: the pre-activation a = w·x of a linear unit with non-centred inputs, whose population mean
 * w·μ moves as w trains; the running mean tracks it from noisy batch means (PyTorch's rule r ← (1 − m)·r + m·batch mean).
 */
public final class S31BatchNormMomentum implements Study {
    static final int DIM = 10, BATCH = 8;
    static final double LO = 0.002, HI = 0.05, M_LO = 0.01, M_HI = 0.3, NOISE = 0.3;
    static final int CYCLES = 8;

    @Override public String id() { return "S31"; }
    @Override public Evidence evidence() { return Evidence.EXPERIMENT; }
    @Override public String source() { return "002"; }
    @Override public String title() { return "BatchNorm momentum in anti-phase with the LR"; }

    @Override
    public String claim() {
        return "BatchNorm running-statistics momentum in anti-phase with a cyclical LR reduces the train/test statistics mismatch.";
    }

    static int steps(Mode mode) {
        return mode.pick(4000, 1600);
    }

    static String[][] arms() {
        return new String[][] {{"anti-phase", "rescale(counter(lr), min=" + M_LO + ", max=" + M_HI + ")"},
                {"in phase", "rescale(lr, min=" + M_LO + ", max=" + M_HI + ")"}, {"constant", "constant(" + (M_LO + M_HI) / 2 + ")"}};
    }

    @Override
    public String setup(Mode mode) {
        int t = steps(mode);
        return "Linear unit a = w·x, inputs x ~ N(μ, I) with μᵢ ~ N(0, 1) per seed in " + DIM + " dimensions, regression target w*·x + N(0, " + NOISE
                + "²); optim's SGD, batch " + BATCH + ", " + t + " steps, lr = cyclic(" + LO + ", " + HI + ", up=" + t / (2 * CYCLES) + ") (" + CYCLES
                + " cycles). The running mean r of a (PyTorch's update with momentum m(t) from the set) against the population mean w·μ: "
                + "m = rescale(counter(lr), min=" + M_LO + ", max=" + M_HI + ") (anti-phase: slow tracking while the LR is high), rescale(lr, …) "
                + "(in phase) or constant(" + (M_LO + M_HI) / 2 + ").";
    }

    @Override
    public String metric() {
        return "mismatch (r − w·μ)² at the end of every cycle (where the LR is low and a model would be evaluated), averaged over the cycles "
                + "(lower is better).";
    }

    @Override
    public Rule rule() {
        return Rule.all(Rule.lower("anti-phase", "in phase"), Rule.lower("anti-phase", "constant"));
    }

    @Override
    public Figure figure() {
        return Figure.logY("Mismatch (r − w·μ)² (mean over seeds)", "step", "mismatch");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        int steps = steps(mode), every = 10, cycle = steps / CYCLES;
        SplittableRandom rng = new SplittableRandom(seed);
        double[] mu = new double[DIM], teacher = new double[DIM];
        for (int j = 0; j < DIM; j++) {
            mu[j] = rng.nextGaussian();
            teacher[j] = rng.nextGaussian();
        }
        Trial trial = new Trial();
        for (String[] arm : arms()) {
            float[] w = new float[DIM], g = new float[DIM];
            Scheduled opt = new Scheduled(Method.SGD, Scheduled.set(steps, "lr", "cyclic(" + LO + ", " + HI + ", up=" + cycle / 2 + ")",
                    "bn_momentum", arm[1]), w);
            SplittableRandom data = new SplittableRandom(seed + 1);
            double running = 0, mismatch = 0;
            double[] curve = new double[steps / every + 1];
            for (int t = 0; t < steps; t++) {
                double m = opt.value("bn_momentum"), batchMean = 0;
                java.util.Arrays.fill(g, 0);
                double[] xi = new double[DIM];
                for (int b = 0; b < BATCH; b++) {
                    double a = 0, target = NOISE * data.nextGaussian();
                    for (int j = 0; j < DIM; j++) {
                        xi[j] = mu[j] + data.nextGaussian();
                        a += w[j] * xi[j];
                        target += teacher[j] * xi[j];
                    }
                    batchMean += a / BATCH;
                    for (int j = 0; j < DIM; j++) g[j] += (float) ((a - target) * xi[j] / BATCH);
                }
                running = (1 - m) * running + m * batchMean;
                opt.step(g);
                double pop = 0;
                for (int j = 0; j < DIM; j++) pop += w[j] * mu[j];
                double gap = (running - pop) * (running - pop);
                if ((t + 1) % cycle == 0) mismatch += gap / CYCLES;
                if ((t + 1) % every == 0) curve[(t + 1) / every] = gap;
            }
            curve[0] = curve[1];
            trial.metric(arm[0], mismatch).curve(arm[0], new Curve(Curves.grid(curve.length, every), curve));
        }
        return trial;
    }
}
