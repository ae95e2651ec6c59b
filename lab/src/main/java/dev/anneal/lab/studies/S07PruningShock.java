package dev.anneal.lab.studies;

import dev.anneal.lab.Budget;
import dev.anneal.lab.Curve;
import dev.anneal.lab.Evidence;
import dev.anneal.lab.Figure;
import dev.anneal.lab.Mode;
import dev.anneal.lab.Previous;
import dev.anneal.lab.Rule;
import dev.anneal.lab.Study;
import dev.anneal.lab.Trial;
import dev.anneal.lab.Verdict;
import dev.anneal.lab.task.Mlp;
import dev.anneal.lab.train.Descent;
import dev.anneal.lab.train.Optimizers;
import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Spec;

import java.util.Optional;
import java.util.SplittableRandom;

/** S07: after a one-shot pruning shock, under quantisation-like noise, smooth exponential decay recovers better than steps. */
public final class S07PruningShock implements Study {
    static final int INPUTS = 8, HIDDEN = 16, SAMPLES = 256, BATCH = 16;
    static final double QUANT = 0.02, LR = 0.1;

    @Override public String id() { return "S07"; }
    @Override public String title() { return "Recovery after pruning: exponential vs step"; }
    @Override public String source() { return "000, 001"; }
    @Override public Evidence evidence() { return Evidence.EXPERIMENT; }
    @Override public Optional<Previous> previous() { return Optional.of(new Previous(Verdict.INCONCLUSIVE, "at equal budget Σηₜ the two recoveries differ by 7e-6 ± 9e-6 (paired); as stated, the exponential's smaller budget made it worse in every seed")); }

    @Override
    public String claim() {
        return "After a one-shot pruning shock (and under quantisation-like gradient noise), smooth exponential decay recovers better "
                + "than step decay.";
    }

    private static int steps(Mode mode) {
        return mode.pick(3000, 600);
    }

    static String step() {
        return "multistep(" + LR + ", at=[33%, 66%], gamma=0.1)";
    }

    static final String EQUAL = "exponential recovery, equal budget";

    /** The exponential from the same start with the step schedule's movement budget: only the shape differs. */
    static String equalBudget(int steps) {
        return Curves.exponentialWithBudgetOf(LR, step(), steps);
    }

    static String exponential(int steps) {
        return Curves.exponentialTo(LR, 0.01, steps);
    }

    @Override
    public String setup(Mode mode) {
        int t = steps(mode);
        return "Tanh MLP " + INPUTS + "→" + HIDDEN + "→1 on " + SAMPLES + " samples from a teacher of the same shape (noise 0.1); trained "
                + "by minibatch SGD (B = " + BATCH + ", η = " + LR + ") for " + t + " steps, then 50% of the first-layer weights with the "
                + "smallest magnitude are pruned (kept at 0). Recovery: " + t + " steps of minibatch SGD whose gradients get uniform "
                + "quantisation noise of width " + QUANT + ", with step " + step() + " vs the exponential from the same start with the same movement budget Σηₜ, "
                + equalBudget(t) + " (the rule compares these: the claim is about shape); reported beside them, the exponential with the step's "
                + "start and end rate, " + exponential(t) + ".";
    }

    @Override
    public String metric() {
        return "training loss after recovery, mean of the last 5% of steps (lower is better).";
    }

    @Override
    public Rule rule() {
        return Rule.lower(EQUAL, "step recovery");
    }

    @Override
    public Figure figure() {
        return Figure.logLog("Loss during recovery after pruning (mean over seeds)", "recovery step", "loss");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] teacher = new float[new Mlp(INPUTS, HIDDEN, 1, new double[1][INPUTS], new double[1][1]).dimension()];
        Mlp net = Mlp.teacher(INPUTS, HIDDEN, 1, SAMPLES, 0.1, teacher, rng);
        float[] p = net.init(rng, 1);
        int steps = steps(mode), every = 10;
        Descent.run(p, (w, g, t) -> net.batchGradient(w, g, BATCH, rng), net::loss, Schedule.constant(LR), Optimizers::sgd, steps, steps);
        boolean[] pruned = prune(p, INPUTS * HIDDEN);
        Trial trial = new Trial();
        for (String arm : new String[] {EQUAL, "step recovery", "exponential recovery, as stated"}) {
            float[] w = p.clone();
            SplittableRandom noise = new SplittableRandom(seed + 1);
            Schedule lr = Spec.parse(arm.equals(EQUAL) ? equalBudget(steps) : arm.startsWith("exp") ? exponential(steps) : step(), steps);
            double[] curve = Descent.run(w, (x, g, t) -> {
                net.batchGradient(x, g, BATCH, noise);
                for (int i = 0; i < g.length; i++) g[i] = pruned[i] ? 0 : g[i] + (float) (QUANT * (noise.nextDouble() - 0.5));
            }, net::loss, lr, Optimizers::sgd, steps, every);
            trial.metric(arm, Curves.capped(Curves.tailMean(curve, 0.05))).budget(arm, Budget.sum(lr, steps));
            trial.curve(arm, new Curve(Curves.grid(curve.length, every), curve));
        }
        return trial;
    }

    /** Zeroes the smaller half (by magnitude) of the first {@code n} weights; returns the mask of pruned entries. */
    private static boolean[] prune(float[] p, int n) {
        float[] mags = new float[n];
        for (int i = 0; i < n; i++) mags[i] = Math.abs(p[i]);
        float[] sorted = mags.clone();
        java.util.Arrays.sort(sorted);
        float cut = sorted[n / 2];
        boolean[] mask = new boolean[p.length];
        for (int i = 0; i < n; i++)
            if (mags[i] < cut) {
                mask[i] = true;
                p[i] = 0;
            }
        return mask;
    }
}
