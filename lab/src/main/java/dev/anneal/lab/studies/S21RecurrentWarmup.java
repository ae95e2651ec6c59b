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
import dev.anneal.lab.task.Recurrence;
import dev.anneal.lab.train.Descent;
import dev.anneal.lab.train.Optimizers;
import dev.anneal.optim.Optimizer;
import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Spec;

import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;

/** S21: a recurrence with exploding gradients diverges at a large constant LR and trains under linear warmup. */
public final class S21RecurrentWarmup implements Study {
    static final Recurrence TASK = new Recurrence(0.9, 1, 30);
    static final int BATCH = 8;
    /** Large by one principle for both: Adam moves w by about its lr per step, so lr 1 reaches the explosive edge |w| = 1 from w = 0 in one step. */
    static final double ADAM_LR = 1, MOMENTUM_LR = 0.01;

    @Override public String id() { return "S21"; }
    @Override public String title() { return "Exploding recurrence: warmup vs constant LR"; }
    @Override public String source() { return "001, 004"; }
    @Override public Evidence evidence() { return Evidence.EXPERIMENT; }
    @Override public Optional<Previous> previous() { return Optional.of(new Previous(Verdict.INCONCLUSIVE, "the rule now tests the claim as stated (constant diverges, warmup trains) and Adam runs at lr 1, where one step reaches the explosive edge (at 0.1 it never diverged); warmup does not prevent divergence: Adam with warmup diverges in 7/8 seeds, momentum in 6/8")); }

    @Override
    public String claim() {
        return "Recurrent explosion: a scalar/low-dimensional recurrence with exploding gradients diverges under a large constant LR "
                + "with Adam/momentum and trains under linear warmup to the same LR.";
    }

    private static int steps(Mode mode) {
        return mode.pick(2000, 500);
    }

    @Override
    public String setup(Mode mode) {
        int t = steps(mode);
        return "The scalar recurrence h ← w·h + u·x over 30 steps fitted to a teacher with w* = 0.9, u* = 1 (close to the explosive "
                + "region |w| > 1); start (w, u) = (0, 0.1); each step draws " + BATCH + " fresh sequences. " + t + " steps. Adam at lr "
                + ADAM_LR + " and SGD with momentum 0.9 at lr " + MOMENTUM_LR + ", each constant or warmup(10%, constant(lr)). (Before issue 15 "
                + "Adam ran at lr 0.1, where it never diverges, and the rule compared losses instead of checking divergence.)";
    }

    @Override
    public String metric() {
        return "log10 of the final loss on 64 held-out sequences (divergence, NaN or above 1e12, counts as 12; lower is better), and per "
                + "arm whether it diverged (1) or not (0).";
    }

    @Override
    public Rule rule() {
        // as stated: the constant LR diverges and warmup to the same LR trains, for each optimizer
        return Rule.all(Rule.part("Adam", Evidence.EXPERIMENT, Rule.all(Rule.above(diverged("Adam, constant"), 0.5), Rule.below(diverged("Adam, warmup"), 0.5))),
                Rule.part("momentum", Evidence.EXPERIMENT, Rule.all(Rule.above(diverged("momentum, constant"), 0.5), Rule.below(diverged("momentum, warmup"), 0.5))));
    }

    static String diverged(String arm) {
        return arm + ": diverged";
    }

    @Override
    public Figure figure() {
        return Figure.logX("log10 held-out loss (mean and spread over seeds, divergence read as 12)", "step", "log10 loss");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        int steps = steps(mode), every = 10;
        double[][] heldOut = TASK.inputs(64, new SplittableRandom(seed + 99));
        Trial trial = new Trial();
        for (Object[] arm : new Object[][] {{"Adam, constant", "constant(" + ADAM_LR + ")"}, {"Adam, warmup", "warmup(10%, constant(" + ADAM_LR + "))"},
                {"momentum, constant", "constant(" + MOMENTUM_LR + ")"}, {"momentum, warmup", "warmup(10%, constant(" + MOMENTUM_LR + "))"}}) {
            String name = (String) arm[0];
            Schedule lr = Spec.parse((String) arm[1], steps);
            Function<float[], Optimizer> opt = name.startsWith("Adam") ? Optimizers::adam : w -> Optimizers.momentum(w, 0.9);
            SplittableRandom data = new SplittableRandom(seed);
            float[] p = {0, 0.1f};
            double[] curve = Descent.run(p, (w, g, t) -> TASK.lossAndGradient(w, TASK.inputs(BATCH, data), g),
                    w -> TASK.lossAndGradient(w, heldOut, null), lr, opt, steps, every);
            double[] log = new double[curve.length];
            for (int i = 0; i < log.length; i++) log[i] = Curves.log10Capped(curve[i], Descent.DIVERGED);
            trial.metric(name, log[log.length - 1]).metric(diverged(name), log[log.length - 1] >= Math.log10(Descent.DIVERGED) ? 1 : 0)
                    .curve(name, new Curve(Curves.grid(log.length, every), log));
        }
        return trial;
    }
}
