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
 * S35: dynamic sparse training (prune the smallest active weights, regrow the inactive ones with the largest
 * gradient, RigL-style) with the prune-and-regrow events at the LR's peaks or at its troughs.
 */
public final class S35SparseRegrowth implements Study {
    static final int DIM = 100, SUPPORT = 10, ACTIVE = 20, SWAP = 4, SAMPLES = 400, BATCH = 16, CYCLES = 10;
    static final double LO = 0.002, HI = 0.05, NOISE = 0.1;

    @Override public String id() { return "S35"; }
    @Override public Evidence evidence() { return Evidence.EXPERIMENT; }
    @Override public String source() { return "002"; }
    @Override public String title() { return "Dynamic sparse training: regrowth at high LR"; }

    @Override
    public String claim() {
        return "Dynamic sparse training: regrowing connections during high-LR phases (high alignment score) trains better than regrowth at low LR.";
    }

    static int steps(Mode mode) {
        return mode.pick(4000, 1500);
    }

    @Override
    public String setup(Mode mode) {
        int t = steps(mode), cycle = t / CYCLES;
        return "Sparse linear regression: " + DIM + " features N(0, 1), a teacher with " + SUPPORT + " non-zero weights N(0, 1), noise " + NOISE + ", "
                + SAMPLES + " samples; the student keeps " + ACTIVE + " active weights (random mask at the start). optim's SGD, batch " + BATCH + ", " + t
                + " steps, lr = cyclic(" + LO + ", " + HI + ", up=" + cycle / 2 + ") (" + CYCLES + " cycles). Twice per cycle, " + SWAP + " smallest active "
                + "weights are pruned and the " + SWAP + " inactive with the largest full-batch gradient regrown at 0: at the two steps nearest the "
                + "LR's peak (high) or at the two nearest its trough (low); the last cycle has no events in either arm.";
    }

    @Override
    public String metric() {
        return "excess training loss at the end (lower is better); support recovered: fraction of the teacher's non-zero weights active at the end.";
    }

    @Override
    public Rule rule() {
        return Rule.lower("regrowth at high LR", "regrowth at low LR");
    }

    @Override
    public Figure figure() {
        return Figure.logY("Excess training loss (mean over seeds)", "step", "excess loss");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        int steps = steps(mode), every = 10, cycle = steps / CYCLES;
        SplittableRandom rng = new SplittableRandom(seed);
        double[] teacher = new double[DIM];
        int[] support = new int[SUPPORT];
        for (int k = 0; k < SUPPORT; k++) {
            int j;
            do j = rng.nextInt(DIM); while (teacher[j] != 0);
            teacher[j] = rng.nextGaussian();
            support[k] = j;
        }
        double[][] x = new double[SAMPLES][DIM];
        double[] y = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            for (int j = 0; j < DIM; j++) {
                x[i][j] = rng.nextGaussian();
                y[i] += teacher[j] * x[i][j];
            }
            y[i] += NOISE * rng.nextGaussian();
        }
        var task = new dev.anneal.lab.task.LinearRegression(x, y);
        boolean[] mask0 = new boolean[DIM];
        for (int k = 0; k < ACTIVE; ) {
            int j = rng.nextInt(DIM);
            if (!mask0[j]) {
                mask0[j] = true;
                k++;
            }
        }
        Trial trial = new Trial();
        for (String arm : new String[] {"regrowth at high LR", "regrowth at low LR"}) {
            int centre = arm.contains("high") ? cycle / 2 : 0;
            boolean[] mask = mask0.clone();
            float[] w = new float[DIM], g = new float[DIM];
            Scheduled opt = new Scheduled(Method.SGD, Scheduled.set(steps, "lr", "cyclic(" + LO + ", " + HI + ", up=" + cycle / 2 + ")"), w);
            SplittableRandom batches = new SplittableRandom(seed + 1);
            double[] curve = new double[steps / every + 1];
            curve[0] = task.excessLoss(w);
            for (int t = 0; t < steps; t++) {
                int phase = t % cycle;
                if (t < steps - cycle && t > 0 && (phase == Math.floorMod(centre - 1, cycle) || phase == centre)) regrow(task, w, mask);
                task.batchGradient(w, g, BATCH, batches);
                for (int j = 0; j < DIM; j++) if (!mask[j]) g[j] = 0;
                opt.step(g);
                if ((t + 1) % every == 0) curve[(t + 1) / every] = task.excessLoss(w);
            }
            int found = 0;
            for (int j : support) if (mask[j]) found++;
            trial.metric(arm, Curves.capped(task.excessLoss(w))).metric(arm + ": support recovered", found / (double) SUPPORT)
                    .curve(arm, new Curve(Curves.grid(curve.length, every), curve));
        }
        return trial;
    }

    /** Prune the SWAP smallest active weights (set to 0), regrow the SWAP inactive ones with the largest full gradient. */
    private static void regrow(dev.anneal.lab.task.LinearRegression task, float[] w, boolean[] mask) {
        float[] g = new float[DIM];
        task.gradient(w, g);
        for (int k = 0; k < SWAP; k++) {
            int small = -1;
            for (int j = 0; j < DIM; j++) if (mask[j] && (small < 0 || Math.abs(w[j]) < Math.abs(w[small]))) small = j;
            mask[small] = false;
            w[small] = 0;
        }
        for (int k = 0; k < SWAP; k++) {
            int big = -1;
            for (int j = 0; j < DIM; j++) if (!mask[j] && (big < 0 || Math.abs(g[j]) > Math.abs(g[big]))) big = j;
            mask[big] = true;
            g[big] = 0;
        }
    }
}
