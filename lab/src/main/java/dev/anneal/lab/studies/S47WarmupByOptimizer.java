package dev.anneal.lab.studies;

import dev.anneal.lab.Curve;
import dev.anneal.lab.Evidence;
import dev.anneal.lab.Figure;
import dev.anneal.lab.Mode;
import dev.anneal.lab.Rule;
import dev.anneal.lab.Study;
import dev.anneal.lab.Trial;
import dev.anneal.lab.task.LinearRegression;
import dev.anneal.lab.train.Scheduled;
import dev.anneal.optimizer.Method;

import java.util.SplittableRandom;

/** S47: how much warmup lowers the early loss of SGD, heavy ball and Adam on linear regression. */
public final class S47WarmupByOptimizer implements Study {
    static final int DIM = 20, SAMPLES = 512, BATCH = 8;
    static final double BETA = 0.9, ADAM_LR = 0.05, FRACTION = 0.5;

    @Override public String id() { return "S47"; }
    @Override public String title() { return "Warmup's early gain: SGD vs momentum vs Adam"; }
    @Override public Evidence evidence() { return Evidence.EXPERIMENT; }
    @Override public String source() { return "004"; }

    @Override
    public String claim() {
        return "Warmup lowers early loss (normalised by λmax), and the gain is larger for momentum/Adam than for plain SGD.";
    }

    static int steps(Mode mode) {
        return mode.pick(2000, 600);
    }

    @Override
    public String setup(Mode mode) {
        int t = steps(mode);
        return "Linear regression, " + SAMPLES + " samples, " + DIM + " features with scales log-spaced 1…0.1, noise 0.1; minibatch " + BATCH + "; "
                + t + " steps. Target rates fixed before the run at " + FRACTION + " of each rule's stability limit on λmax: SGD η = " + FRACTION
                + "·2/λmax, heavy ball (β = " + BETA + ") η = " + FRACTION + "·2(1+β)/λmax; Adam η = " + ADAM_LR + " (its limit is on the "
                + "preconditioned curvature, unknown in advance). Each with and without linear warmup over " + t / 20 + " steps "
                + "(warmup(" + t / 20 + ", constant(η))), same seed and batches.";
    }

    @Override
    public String metric() {
        return "early loss: mean over the first 10% of steps of log10(excess loss / initial excess loss); the rates are set in units of 1/λmax, so "
                + "this is the loss normalised by the curvature; the gain is the no-warmup value minus the warmup value (positive: warmup lowered "
                + "the early loss).";
    }

    @Override
    public Rule rule() {
        return Rule.all(Rule.above("momentum: gain", 0), Rule.above("Adam: gain", 0), Rule.higher("momentum: gain", "SGD: gain"),
                Rule.higher("Adam: gain", "SGD: gain"));
    }

    @Override
    public Figure figure() {
        return new Figure("Excess loss / initial excess loss, mean over seeds", "step", "L / L0", true, true);
    }

    @Override
    public Trial run(Mode mode, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] scales = new double[DIM];
        for (int j = 0; j < DIM; j++) scales[j] = Math.pow(0.1, j / (double) (DIM - 1));
        LinearRegression task = LinearRegression.synthetic(SAMPLES, scales, 0.1, rng);
        float[] w0 = new float[DIM];
        double lambda = task.lambdaMax(w0);
        double start = task.excessLoss(w0);
        int steps = steps(mode), warm = steps / 20, early = steps / 10;
        Trial trial = new Trial();
        Object[][] rules = {{"SGD", Method.SGD, FRACTION * 2 / lambda, 0.0}, {"momentum", Method.SGD, FRACTION * 2 * (1 + BETA) / lambda, BETA},
                {"Adam", Method.ADAM, ADAM_LR, 0.0}};
        for (Object[] r : rules) {
            double[] gain = new double[2];
            for (int w = 0; w < 2; w++) {
                String lr = w == 0 ? "constant(" + r[2] + ")" : "warmup(" + warm + ", constant(" + r[2] + "))";
                var set = ((Method) r[1]).adaptive() ? Scheduled.set(steps, "lr", lr)
                        : Scheduled.set(steps, "lr", lr, "momentum", r[3]);
                float[] p = w0.clone(), g = new float[DIM];
                Scheduled opt = new Scheduled((Method) r[1], set, p);
                SplittableRandom batches = new SplittableRandom(seed + 7);
                double[] curve = new double[steps + 1];
                curve[0] = task.excessLoss(p) / start;
                for (int t = 0; t < steps; t++) {
                    task.batchGradient(p, g, BATCH, batches);
                    opt.step(g);
                    curve[t + 1] = Curves.capped(task.excessLoss(p) / start);
                }
                double s = 0;
                for (int t = 1; t <= early; t++) s += Math.log10(Math.max(curve[t], 1e-300)) / early;
                gain[w] = s;
                trial.curve(r[0] + (w == 0 ? ", constant" : ", warmup"), new Curve(Curves.grid(curve.length, 1), curve));
            }
            trial.metric(r[0] + ": gain", gain[0] - gain[1]);
        }
        return trial;
    }
}
