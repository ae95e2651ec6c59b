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
import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Spec;

import java.util.SplittableRandom;

/**
 * S34: continual learning with rehearsal. After task A, the model trains on task B on a cyclical LR with a fixed
 * number of rehearsal steps on A's data, placed at the high-LR phases, at the low-LR phases or evenly.
 */
public final class S34RehearsalAlignment implements Study {
    static final int DIM = 20, SAMPLES = 200, BATCH = 8, EVERY = 5;
    static final double LO = 0.002, HI = 0.05;

    @Override public String id() { return "S34"; }
    @Override public Evidence evidence() { return Evidence.EXPERIMENT; }
    @Override public String source() { return "002"; }
    @Override public String title() { return "Rehearsal aligned with high-LR phases"; }

    @Override
    public String claim() {
        return "Continual learning with rehearsal: aligning rehearsal steps with high-LR phases reduces forgetting.";
    }

    static int steps(Mode mode) {
        return mode.pick(3000, 1000);
    }

    static String lr(int steps) {
        return "cyclic(" + LO + ", " + HI + ", up=" + steps / 8 + ")";
    }

    @Override
    public String setup(Mode mode) {
        int t = steps(mode);
        return "Two linear-regression tasks on " + DIM + " shared weights (inputs N(0, I), teachers N(0, 1) drawn independently, noise 0.1, " + SAMPLES
                + " samples each); w starts at A's least-squares solution. Then " + t + " steps of optim's SGD (batch " + BATCH + ") on lr = " + lr(t)
                + "; one step in " + EVERY + " (the same number in every arm) is a rehearsal step on A. Placement, interleaved: 2 in 5 of the steps whose lr is above its "
                + "median (high-LR phases), 2 in 5 of those at or below it (low-LR phases), or every " + EVERY + "th step (even). The arms' rehearsal steps differ in their summed rate; "
                + "that sum is reported, as it is the mechanism the claim names.";
    }

    @Override
    public String metric() {
        return "forgetting: task A's excess loss at the end (lower is better); task B's excess loss; Σ of the lr over the rehearsal steps.";
    }

    @Override
    public Rule rule() {
        return Rule.all(Rule.lower("high-LR phases: A loss", "low-LR phases: A loss"), Rule.lower("high-LR phases: A loss", "even: A loss"));
    }

    @Override
    public Figure figure() {
        return Figure.logY("Task A's excess loss while training B (mean over seeds)", "step", "A excess loss");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        int steps = steps(mode), every = 10;
        SplittableRandom rng = new SplittableRandom(seed);
        LinearRegression a = LinearRegression.synthetic(SAMPLES, Curves.filled(DIM, 1), 0.1, rng), b = LinearRegression.synthetic(SAMPLES, Curves.filled(DIM, 1), 0.1, rng);
        float[] start = solve(a);
        Schedule rate = Spec.parse(lr(steps), steps);
        double[] rates = new double[steps];
        for (int t = 0; t < steps; t++) rates[t] = rate.at(t);
        double median = Curves.median(rates);
        boolean[][] plans = new boolean[3][steps];
        double high = 0, low = 0, share = 2.0 / EVERY; // 2 in 5 of the steps on one side of the median: 1 in 5 overall
        for (int t = 0; t < steps; t++) {
            if (rates[t] > median && (high += share) >= 1) {
                plans[0][t] = true;
                high -= 1;
            } else if (rates[t] <= median && (low += share) >= 1) {
                plans[1][t] = true;
                low -= 1;
            }
        }
        for (int t = EVERY - 1; t < steps; t += EVERY) plans[2][t] = true;
        String[] names = {"high-LR phases", "low-LR phases", "even"};
        Trial trial = new Trial();
        for (int arm = 0; arm < 3; arm++) {
            float[] w = start.clone(), g = new float[DIM];
            Scheduled opt = new Scheduled(Method.SGD, Scheduled.set(steps, "lr", lr(steps)), w);
            SplittableRandom batches = new SplittableRandom(seed + 1);
            double[] curve = new double[steps / every + 1];
            curve[0] = a.excessLoss(w);
            double spent = 0;
            for (int t = 0; t < steps; t++) {
                if (plans[arm][t]) {
                    spent += rate.at(t);
                    a.batchGradient(w, g, BATCH, batches);
                } else {
                    b.batchGradient(w, g, BATCH, batches);
                }
                opt.step(g);
                if ((t + 1) % every == 0) curve[(t + 1) / every] = a.excessLoss(w);
            }
            trial.metric(names[arm] + ": A loss", a.excessLoss(w)).metric(names[arm] + ": B loss", b.excessLoss(w))
                    .metric(names[arm] + ": Σ lr on rehearsal", spent).curve(names[arm], new Curve(Curves.grid(curve.length, every), curve));
        }
        return trial;
    }

    /** The least-squares solution, by gradient descent to convergence at the safe rate 1/λmax. */
    private static float[] solve(LinearRegression task) {
        float[] w = new float[DIM], g = new float[DIM];
        double lr = 1 / task.lambdaMax(w);
        for (int t = 0; t < 3000; t++) {
            task.gradient(w, g);
            for (int j = 0; j < DIM; j++) w[j] -= (float) (lr * g[j]);
        }
        return w;
    }
}
