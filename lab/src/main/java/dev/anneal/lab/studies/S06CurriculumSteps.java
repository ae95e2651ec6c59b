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
import dev.anneal.lab.train.Optimizers;
import dev.anneal.optim.Optimizer;
import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Spec;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import static dev.anneal.lab.train.Optimizers.rate;

/** S06: step decay synchronised with curvature jumps keeps η·a constant at the switches. */
public final class S06CurriculumSteps implements Study {
    static final int STAGES = 4, RUNS = 200;
    static final double SIGMA = 0.5;

    @Override public String id() { return "S06"; }
    @Override public String title() { return "Curriculum jumps: synchronised step decay"; }
    @Override public String source() { return "000"; }
    @Override public Evidence evidence() { return Evidence.EXPERIMENT; }
    @Override public Optional<Previous> previous() { return Optional.of(new Previous(Verdict.NOT_REPRODUCED, "the variance part now uses an exponential with the step's budget (before, its rate sat below the step's at every switch, deciding the part by design); the contraction part is an identity")); }

    @Override
    public String claim() {
        return "Curriculum with discrete difficulty jumps (curvature a rises): step decay synchronised with the jumps keeps η·a constant, "
                + "giving better contraction |1−ηa| and lower parameter variance at switch points than exponential decay.";
    }

    private static int steps(Mode mode) {
        return mode.pick(2000, 800);
    }

    @Override
    public String setup(Mode mode) {
        int t = steps(mode);
        return "1-D quadratic ½·a(t)·x² with " + STAGES + " stages of " + t / STAGES + " steps; a starts at 1 and is multiplied at each "
                + "switch by a factor r drawn per seed in [1.5, 2.5]. Step arm: η = 1/a(t) (step decay by 1/r synchronised with the jumps, "
                + "so η·a = 1). Exponential arm: the same start 1 and the step arm's movement budget Σηₜ, decayed smoothly "
                + "(before issue 15 it had the step's final rate, which put it below the step arm at every switch and so decided the "
                + "variance part by design). " + RUNS + " independent runs "
                + "per seed (one parameter each, SGD) with gradient noise N(0, " + SIGMA + "²) from x = 1.";
    }

    @Override
    public String metric() {
        return "mean over the switch points of |1 − η·a| just after the jump (contraction factor, lower is better), and the mean "
                + "parameter variance across runs just before each switch (lower is better).";
    }

    @Override
    public Rule rule() {
        // the contraction at a switch is read off the two schedules (η·a = 1 for the step arm by construction): arithmetic
        return Rule.all(Rule.part("contraction |1 − ηa| at switches", Evidence.IDENTITY,
                        Rule.lower("step: |1 − ηa| at switches", "exponential: |1 − ηa| at switches")),
                Rule.part("parameter variance at switches", Evidence.EXPERIMENT,
                        Rule.lower("step: variance at switches", "exponential: variance at switches")));
    }

    @Override
    public Figure figure() {
        return Figure.linear("η(t)·a(t) (mean over seeds)", "step", "η·a");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double r = 1.5 + rng.nextDouble();
        int steps = steps(mode), stage = steps / STAGES;
        Schedule curvature = Spec.parse("step(1, every=" + stage + ", gamma=" + r + ")");
        Schedule step = Spec.parse("step(1, every=" + stage + ", gamma=" + 1 / r + ")");
        Schedule exponential = Spec.parse(Curves.exponentialWithBudget(1, steps, Budget.sum(step, steps)));
        Trial trial = new Trial();
        for (var arm : new Object[][] {{"step", step}, {"exponential", exponential}}) {
            String name = (String) arm[0];
            Schedule lr = (Schedule) arm[1];
            double contraction = 0, variance = 0;
            for (int k = 1; k < STAGES; k++) contraction += Math.abs(1 - lr.at((long) k * stage) * curvature.at((long) k * stage)) / (STAGES - 1);
            float[] x = new float[RUNS], g = new float[RUNS];
            java.util.Arrays.fill(x, 1f);
            Optimizer sgd = Optimizers.sgd(x);
            SplittableRandom noise = new SplittableRandom(seed + 1);
            double[] product = new double[steps / 10];
            for (int t = 0; t < steps; t++) {
                if (t > 0 && t % stage == 0) variance += variance(x) / (STAGES - 1);
                double eta = lr.at(t), a = curvature.at(t);
                for (int i = 0; i < RUNS; i++) g[i] = (float) (a * x[i] + SIGMA * noise.nextGaussian());
                sgd.step(List.of(g), rate(eta));
                if (t % 10 == 0) product[t / 10] = eta * a;
            }
            trial.metric(name + ": |1 − ηa| at switches", contraction).metric(name + ": variance at switches", variance)
                    .budget(name + ": variance at switches", Budget.sum(lr, steps));
            trial.curve(name, new Curve(Curves.grid(product.length, 10), product));
        }
        return trial;
    }

    private static double variance(float[] x) {
        double m = 0, s = 0;
        for (float v : x) m += (double) v / x.length;
        for (float v : x) s += (v - m) * (v - m);
        return s / (x.length - 1);
    }
}
