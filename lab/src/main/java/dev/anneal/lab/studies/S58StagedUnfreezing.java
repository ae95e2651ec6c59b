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
import dev.anneal.schedule.Schedule;

import java.util.SplittableRandom;

/**
 * S58: fine-tuning a 4-layer linear network from pre-trained weights with staged unfreezing (top layer first), the
 * number of trainable layers and the LR two hyperparameters of one schedule set; the LR rising as layers unfreeze
 * against the other combinations.
 */
public final class S58StagedUnfreezing implements Study {
    static final int D = 6, LAYERS = 4, BATCH = 8;
    static final double LR = 0.05, SHIFT = 0.3, NOISE = 0.1;

    @Override public String id() { return "S58"; }
    @Override public Evidence evidence() { return Evidence.EXPERIMENT; }
    @Override public String source() { return "004"; }
    @Override public String title() { return "Staged unfreezing synchronised with warmup"; }

    @Override
    public String claim() {
        return "Staged unfreezing synchronised with warmup (LR rises as layers unfreeze) beats unsynchronised schedules.";
    }

    static int steps(Mode mode) {
        return mode.pick(2000, 800);
    }

    @Override
    public String setup(Mode mode) {
        int t = steps(mode), w = stage(t) * LAYERS;
        return "Deep linear network y = W₄W₃W₂W₁x (" + D + "×" + D + " each), pre-trained: Wₖ = I + N(0, 0.1²); fine-tuning target M = I + N(0, " + SHIFT
                + "²) per entry (a product the layers must share), x ~ N(0, I), noise " + NOISE + "; optim's SGD, batch " + BATCH + ", " + t + " steps. "
                + "Schedule set: unfrozen = number of trainable top layers, 1, 2, 3, 4 over the first " + w + " steps (a new layer every " + stage(t)
                + "), or 4 throughout; lr = " + LR + "·unfrozen/4 (synchronised: rises as layers unfreeze), warmup(" + w + ", constant(" + LR + ")), or "
                + "constant(" + LR + "). Arms: synchronised; staged, constant lr; all layers, warmup; all layers, constant lr.";
    }

    static int stage(int steps) {
        return steps / 10;
    }

    @Override
    public String metric() {
        return "test loss ½‖W₄W₃W₂W₁ − M‖²_F at the end (isotropic inputs; lower is better).";
    }

    @Override
    public Rule rule() {
        return Rule.all(Rule.lower("synchronised", "staged, constant lr"), Rule.lower("synchronised", "all layers, warmup"),
                Rule.lower("synchronised", "all layers, constant lr"));
    }

    @Override
    public Figure figure() {
        return Figure.logLog("Test loss (mean over seeds)", "step", "½‖W − M‖²");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        int steps = steps(mode), s = stage(steps), w = s * LAYERS;
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] target = new double[D][D];
        float[] start = new float[LAYERS * D * D];
        for (int i = 0; i < D; i++) for (int j = 0; j < D; j++) target[i][j] = (i == j ? 1 : 0) + SHIFT * rng.nextGaussian();
        for (int k = 0; k < LAYERS; k++)
            for (int i = 0; i < D; i++) for (int j = 0; j < D; j++) start[(k * D + i) * D + j] = (float) ((i == j ? 1 : 0) + 0.1 * rng.nextGaussian());
        Schedule staged = Schedule.of("unfreeze one layer every " + s + " steps", t -> Math.min(LAYERS, 1 + t / s));
        Object[][] arms = {{"synchronised", "staged", "" + LR / LAYERS + " * unfrozen"}, {"staged, constant lr", "staged", "constant(" + LR + ")"},
                {"all layers, warmup", "all", "warmup(" + w + ", constant(" + LR + "))"}, {"all layers, constant lr", "all", "constant(" + LR + ")"}};
        Trial trial = new Trial();
        for (Object[] arm : arms) {
            var set = arm[1].equals("staged") ? Scheduled.set(steps, "unfrozen", staged, "lr", arm[2]) : Scheduled.set(steps, "unfrozen", (double) LAYERS, "lr", arm[2]);
            float[] p = start.clone(), g = new float[p.length];
            Scheduled opt = new Scheduled(Method.SGD, set, p);
            SplittableRandom data = new SplittableRandom(seed + 1);
            double[] curve = new double[steps + 1];
            curve[0] = testLoss(p, target);
            for (int t = 0; t < steps; t++) {
                int unfrozen = (int) opt.value("unfrozen");
                gradient(p, target, data, g);
                for (int k = 0; k < LAYERS - unfrozen; k++) java.util.Arrays.fill(g, k * D * D, (k + 1) * D * D, 0f); // bottom layers frozen
                opt.step(g);
                curve[t + 1] = Curves.capped(testLoss(p, target));
            }
            trial.metric((String) arm[0], curve[steps]).curve((String) arm[0], new Curve(Curves.grid(steps + 1, 1), curve));
        }
        return trial;
    }

    /** W_hi⋯W_lo (layers lo..hi inclusive, identity when empty). */
    static double[][] product(float[] p, int lo, int hi) {
        double[][] m = new double[D][D];
        for (int i = 0; i < D; i++) m[i][i] = 1;
        for (int k = lo; k <= hi; k++) m = times(p, k, m);
        return m;
    }

    /** Wₖ·m. */
    private static double[][] times(float[] p, int k, double[][] m) {
        double[][] next = new double[D][D];
        for (int i = 0; i < D; i++)
            for (int j = 0; j < D; j++) {
                double s = 0;
                for (int l = 0; l < D; l++) s += p[(k * D + i) * D + l] * m[l][j];
                next[i][j] = s;
            }
        return next;
    }

    /** The products below each layer, W_{k−1}⋯W₀ for k = 0 … LAYERS, built up in one pass: the identity first, the network last. */
    private static double[][][] below(float[] p) {
        double[][][] below = new double[LAYERS + 1][][];
        below[0] = product(p, 0, -1);
        for (int k = 0; k < LAYERS; k++) below[k + 1] = times(p, k, below[k]);
        return below;
    }

    static double testLoss(float[] p, double[][] target) {
        double[][] w = product(p, 0, LAYERS - 1);
        double s = 0;
        for (int i = 0; i < D; i++) for (int j = 0; j < D; j++) s += (w[i][j] - target[i][j]) * (w[i][j] - target[i][j]);
        return s / 2;
    }

    /** The minibatch gradient of ½‖Wx − y‖² for every layer: ∂/∂Wₖ = Aᵀ·E·Bᵀ, A the layers above, B the layers below times x. */
    static void gradient(float[] p, double[][] target, SplittableRandom data, float[] g) {
        double[][][] below = below(p);
        double[][] full = below[LAYERS], c = new double[D][D]; // c = E·Xᵀ/B: the residual–input covariance
        for (int b = 0; b < BATCH; b++) {
            double[] x = new double[D], r = new double[D];
            for (int j = 0; j < D; j++) x[j] = data.nextGaussian();
            for (int i = 0; i < D; i++) {
                double y = NOISE * data.nextGaussian(), f = 0;
                for (int j = 0; j < D; j++) {
                    y += target[i][j] * x[j];
                    f += full[i][j] * x[j];
                }
                r[i] = f - y;
            }
            for (int i = 0; i < D; i++) for (int j = 0; j < D; j++) c[i][j] += r[i] * x[j] / BATCH;
        }
        for (int k = 0; k < LAYERS; k++) {
            double[][] above = product(p, k + 1, LAYERS - 1), ac = new double[D][D];
            for (int i = 0; i < D; i++) {
                for (int a = 0; a < D; a++) for (int b = 0; b < D; b++) ac[a][b] = above[a][i] * c[a][b]; // the same for every j
                for (int j = 0; j < D; j++) {
                    double s = 0;
                    for (int a = 0; a < D; a++)
                        for (int b = 0; b < D; b++) s += ac[a][b] * below[k][j][b];
                    g[(k * D + i) * D + j] = (float) s;
                }
            }
        }
    }
}
