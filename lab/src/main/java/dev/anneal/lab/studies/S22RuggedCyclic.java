package dev.anneal.lab.studies;

import dev.anneal.lab.Curve;
import dev.anneal.lab.Evidence;
import dev.anneal.lab.Figure;
import dev.anneal.lab.Mode;
import dev.anneal.lab.Previous;
import dev.anneal.lab.Rule;
import dev.anneal.lab.Study;
import dev.anneal.lab.Trial;
import dev.anneal.lab.Verdict;
import dev.anneal.lab.task.Rugged;
import dev.anneal.lab.train.Descent;
import dev.anneal.lab.train.Optimizers;
import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Spec;

import java.util.Optional;
import java.util.SplittableRandom;

/** S22: on a rugged landscape, cyclical re-heating reaches lower minima than one monotone anneal. */
public final class S22RuggedCyclic implements Study {
    static final Rugged TASK = new Rugged(2, 0.2, 1, 1);
    static final int STARTS = 20;
    static final double HI = 0.1, LO = 0.001, SIGMA = 0.5;

    static String cyclic(int steps) {
        return "cyclic(" + LO + ", " + HI + ", up=" + steps / 8 + ")";
    }

    static String cosine() {
        return "cosine(" + HI + ", steps=100%, floor=" + LO + ")";
    }

    @Override public String id() { return "S22"; }
    @Override public String title() { return "Rugged landscape: cyclical re-heating vs annealing"; }
    @Override public String source() { return "001"; }
    @Override public Evidence evidence() { return Evidence.EXPERIMENT; }
    @Override public Optional<Previous> previous() { return Optional.of(new Previous(Verdict.NOT_REPRODUCED, "comparisons are now paired; cosine annealing wins in 8/8 seeds")); }

    @Override
    public String claim() {
        return "Rugged (protein-like) landscape: cyclical LR (periodic re-heating) reaches lower minima than monotone annealing, over many seeds.";
    }

    private static int steps(Mode mode) {
        return mode.pick(4000, 1000);
    }

    @Override
    public String setup(Mode mode) {
        int t = steps(mode);
        return "2-D Rastrigin-like landscape Σ ½·0.2·xᵢ² + 1 − cos(2π·xᵢ) (local minima near every integer point, global minimum 0 at "
                + "the origin; curvature in a minimum ≈ 40, so η > 0.05 cannot stay in one). " + STARTS + " starts per seed uniform in "
                + "[−6, 6]², SGD with gradient noise N(0, " + SIGMA + "²), " + t + " steps. Arms: cyclic " + cyclic(t) + " (4 cycles, ending at "
                + "the low rate) vs monotone cosine " + cosine() + "; both span the same rates.";
    }

    @Override
    public String metric() {
        return "mean final loss over the starts (the height of the minimum reached; lower is better).";
    }

    @Override
    public Rule rule() {
        return Rule.lower("cyclic", "cosine anneal");
    }

    @Override
    public Figure figure() {
        return Figure.logY("Loss, mean over starts and seeds", "step", "loss");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        int steps = steps(mode), every = 20;
        Trial trial = new Trial();
        for (String[] arm : new String[][] {{"cyclic", cyclic(steps)}, {"cosine anneal", cosine()}}) {
            Schedule lr = Spec.parse(arm[1], steps);
            SplittableRandom rng = new SplittableRandom(seed);
            double[] mean = new double[steps / every + 1];
            for (int s = 0; s < STARTS; s++) {
                float[] x = {(float) (12 * rng.nextDouble() - 6), (float) (12 * rng.nextDouble() - 6)};
                double[] curve = Descent.run(x, (p, g, t) -> {
                    TASK.gradient(p, g);
                    for (int i = 0; i < g.length; i++) g[i] += (float) (SIGMA * rng.nextGaussian());
                }, TASK::loss, lr, Optimizers::sgd, steps, every);
                for (int i = 0; i < mean.length; i++) mean[i] += curve[i] / STARTS;
            }
            trial.metric(arm[0], Curves.capped(mean[mean.length - 1])).curve(arm[0], new Curve(Curves.grid(mean.length, every), mean));
        }
        return trial;
    }
}
