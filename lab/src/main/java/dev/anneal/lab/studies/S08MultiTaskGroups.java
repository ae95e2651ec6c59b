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
import dev.anneal.optim.Method;
import dev.anneal.optim.Optimizer;
import dev.anneal.optim.ScheduleSet;
import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Spec;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/** S08: trunk on exponential decay, heads on step decay, against one schedule for every parameter group. */
public final class S08MultiTaskGroups implements Study {
    static final int INPUTS = 8, HIDDEN = 16, TASKS = 2, SAMPLES = 512, BATCH = 16;
    static final double LR = 0.1;

    @Override public String id() { return "S08"; }
    @Override public String title() { return "Multi-task: per-group schedules"; }
    @Override public String source() { return "000"; }
    @Override public Evidence evidence() { return Evidence.EXPERIMENT; }
    @Override public Optional<Previous> previous() { return Optional.of(new Previous(Verdict.NOT_REPRODUCED, "the exponential now has the step's budget Σηₜ; paired, mixed is worse than both uniform schedules in 8/8 seeds")); }

    @Override
    public String claim() {
        return "Multi-task: shared trunk on exponential decay, task heads on step decay, beats one schedule for all parameter groups.";
    }

    private static int steps(Mode mode) {
        return mode.pick(4000, 800);
    }

    static String step() {
        return "multistep(" + LR + ", at=[50%, 75%], gamma=0.1)";
    }

    /** The exponential from the same start with the step schedule's movement budget: every group moves as far in every arm. */
    static String exponential(int steps) {
        return Curves.exponentialWithBudgetOf(LR, step(), steps);
    }

    @Override
    public String setup(Mode mode) {
        int t = steps(mode);
        return "Tanh MLP " + INPUTS + "→" + HIDDEN + "→" + TASKS + " (shared trunk W1, b1 and the heads W2, b2 as two parameter groups of optim's Optimizer, each with its own lr schedule) on " + SAMPLES
                + " samples from a teacher of the same shape (noise 0.1), minibatch SGD (B = " + BATCH + ") for " + t + " steps. Arms: mixed "
                + "(trunk " + exponential(t) + ", heads " + step() + "), all exponential, all step; the exponential starts where the step does and has its movement budget Σηₜ, "
                + "so the arms differ only in shape (before issue 15 it had the step's end rate instead, and a different budget).";
    }

    @Override
    public String metric() {
        return "final training loss summed over the tasks, mean of the last 5% of steps (lower is better).";
    }

    @Override
    public Rule rule() {
        return Rule.all(Rule.lower("mixed", "all exponential"), Rule.lower("mixed", "all step"));
    }

    @Override
    public Figure figure() {
        return Figure.logY("Multi-task loss (mean over seeds)", "step", "loss");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] teacher = new float[new Mlp(INPUTS, HIDDEN, TASKS, new double[1][INPUTS], new double[1][TASKS]).dimension()];
        Mlp net = Mlp.teacher(INPUTS, HIDDEN, TASKS, SAMPLES, 0.1, teacher, rng);
        float[] start = net.init(rng, 1);
        int steps = steps(mode), every = 20;
        Schedule exp = Spec.parse(exponential(steps)), step = Spec.parse(step(), steps);
        Trial trial = new Trial();
        for (Object[] arm : new Object[][] {{"mixed", exp, step}, {"all exponential", exp, exp}, {"all step", step, step}}) {
            // two parameter groups with their own schedules: optim's Optimizer over the trunk and the heads
            float[] trunk = java.util.Arrays.copyOf(start, net.trunk()), heads = java.util.Arrays.copyOfRange(start, net.trunk(), start.length);
            float[] p = start.clone(), g = new float[p.length], gTrunk = new float[trunk.length], gHeads = new float[heads.length];
            ScheduleSet set = ScheduleSet.builder().group("trunk", d -> d.set("lr", (Schedule) arm[1]))
                    .group("heads", d -> d.set("lr", (Schedule) arm[2])).build();
            Optimizer optimizer = Optimizer.builder(Method.sgd(), set).group("trunk", trunk).group("heads", heads).build();
            SplittableRandom batches = new SplittableRandom(seed + 1);
            double[] curve = new double[steps / every + 1];
            curve[0] = net.loss(p);
            for (int t = 0; t < steps; t++) {
                net.batchGradient(p, g, BATCH, batches);
                System.arraycopy(g, 0, gTrunk, 0, trunk.length);
                System.arraycopy(g, trunk.length, gHeads, 0, heads.length);
                optimizer.step(List.of(gTrunk, gHeads));
                System.arraycopy(trunk, 0, p, 0, trunk.length);
                System.arraycopy(heads, 0, p, trunk.length, heads.length);
                if ((t + 1) % every == 0) curve[(t + 1) / every] = net.loss(p);
            }
            trial.metric((String) arm[0], Curves.capped(Curves.tailMean(curve, 0.05)))
                    .budget((String) arm[0], Budget.sum((Schedule) arm[1], steps) + Budget.sum((Schedule) arm[2], steps));
            trial.curve((String) arm[0], new Curve(Curves.grid(curve.length, every), curve));
        }
        return trial;
    }
}
