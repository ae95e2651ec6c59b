package dev.anneal.lab.studies;

import dev.anneal.optimizer.Method;
import dev.anneal.lab.Curve;
import dev.anneal.lab.Evidence;
import dev.anneal.lab.Figure;
import dev.anneal.lab.Mode;
import dev.anneal.lab.Previous;
import dev.anneal.lab.Rule;
import dev.anneal.lab.Study;
import dev.anneal.lab.Trial;
import dev.anneal.lab.Verdict;
import dev.anneal.lab.task.Quadratic;
import dev.anneal.lab.train.Descent;
import dev.anneal.lab.train.Optimizers;
import dev.anneal.optim.Optimizer;
import dev.anneal.schedule.Schedule;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import static dev.anneal.lab.train.Optimizers.rate;

/** S44: heavy-ball momentum β scales the steady-state step by 1/(1−β); does 0.9 → 0.99 break a safe LR? */
public final class S44MomentumEffectiveLr implements Study {
    static final Quadratic TASK = Quadratic.logSpaced(10, 0.01, 1);
    static final double ETA = 0.15, SIGMA = 0.1;
    static final String STEP09 = "|(1−β)·step/(η·g) − 1|, β = 0.9";
    static final String STEP099 = "|(1−β)·step/(η·g) − 1|, β = 0.99";
    static final String DIVERGED = "diverged share, β = 0.99 at η = 0.15";
    static final String LOSS09 = "final loss, β = 0.9 at η = 0.15";
    static final String LOSS099 = "final loss, β = 0.99 at η = 0.15";
    static final String LIMIT = "exact limit ηλ < 2(1+β) confirmed (β = 0.99)";

    @Override public String id() { return "S44"; }
    @Override public String title() { return "Momentum's effective LR 1/(1−β)"; }
    @Override public String source() { return "003"; }
    @Override public Evidence evidence() { return Evidence.SIMULATION; }
    @Override public Optional<Previous> previous() { return Optional.of(new Previous(Verdict.NOT_REPRODUCED, "kind now stated: formula checked against simulation")); }

    @Override
    public String claim() {
        return "Heavy-ball momentum β multiplies the steady-state step by 1/(1−β); going from 0.9 to 0.99 at the same base LR is "
                + "a tenfold effective LR and can break stability.";
    }

    private static int steps(Mode mode) {
        return mode.pick(3000, 1000);
    }

    @Override
    public String setup(Mode mode) {
        return "Formula: SGD with momentum (PyTorch's buf ← β·buf + g; p ← p − η·buf, optim's kernel) on a linear loss with a constant "
                + "gradient g drawn per seed, 3000 steps, the last step compared with η·g/(1−β). Stability: noisy quadratic, 10 curvatures "
                + "log-spaced in [0.01, 1], start 1 per coordinate, gradient noise N(0, " + SIGMA + "²), " + steps(mode) + " steps at η = " + ETA
                + " with β = 0.9 (effective η/(1−β)·λmax = 1.5 < 2) and β = 0.99 (effective 15). Also on the top mode alone: η = 0.98 and "
                + "1.02 times 2(1+β)/λmax, the exact heavy-ball limit.";
    }

    @Override
    public String metric() {
        return "relative error of the steady-state step against η·g/(1−β) (tolerance 1e-3); share of runs that diverge (loss above 1e12) "
                + "at β = 0.99; final loss (mean of the last 5%); whether the exact limit separates convergence (0.98) from divergence (1.02).";
    }

    @Override
    public Rule rule() {
        return Rule.all(Rule.below(STEP09, 1e-3), Rule.below(STEP099, 1e-3), Rule.above(DIVERGED, 0.5));
    }

    @Override
    public Figure figure() {
        return Figure.logLog("Noisy quadratic at η = 0.15 (mean and spread over seeds)", "step", "loss");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double g = 0.5 + rng.nextDouble();
        Trial trial = new Trial().metric(STEP09, steadyStepError(0.9, g)).metric(STEP099, steadyStepError(0.99, g));
        int steps = steps(mode), every = 10;
        double[] curve09 = noisy(0.9, steps, every, seed), curve099 = noisy(0.99, steps, every, seed);
        boolean diverged = Descent.diverged(curve099[curve099.length - 1]);
        trial.metric(DIVERGED, diverged ? 1 : 0)
                .metric(LOSS09, Curves.capped(Curves.tailMean(curve09, 0.05)))
                .metric(LOSS099, Curves.capped(Curves.tailMean(curve099, 0.05)));
        Quadratic top = new Quadratic(new double[] {1});
        double limit = Method.MOMENTUM.dynamics(0.99, 0).limit();
        double below = lastLoss(top, 0.98 * limit, 0.99, steps), above = lastLoss(top, 1.02 * limit, 0.99, steps);
        trial.metric(LIMIT, below < 1e-3 && Descent.diverged(above) ? 1 : 0);
        double[] x = Curves.grid(curve09.length, every);
        return trial.curve("β = 0.9", new Curve(x, curve09)).curve("β = 0.99", new Curve(x, curve099));
    }


    private static double steadyStepError(double beta, double gradient) {
        float[] p = {0}, g = {(float) gradient};
        Optimizer sgd = Optimizers.momentum(p, beta);
        float before = 0;
        for (int t = 0; t < 3000; t++) {
            before = p[0];
            sgd.step(List.of(g), rate(0.01));
        }
        double step = before - p[0];
        return Math.abs((1 - beta) * step / (0.01 * gradient) - 1);
    }

    private static double[] noisy(double beta, int steps, int every, long seed) {
        float[] x = new float[TASK.dimension()];
        java.util.Arrays.fill(x, 1f);
        SplittableRandom noise = new SplittableRandom(seed + 1);
        return Descent.run(x, (p, g, t) -> TASK.noisyGradient(p, g, SIGMA, noise), TASK::loss, Schedule.constant(ETA),
                w -> Optimizers.momentum(w, beta), steps, every);
    }

    private static double lastLoss(Quadratic task, double lr, double beta, int steps) {
        float[] x = {1};
        double[] curve = Descent.run(x, (p, g, t) -> task.gradient(p, g), task::loss, Schedule.constant(lr), w -> Optimizers.momentum(w, beta),
                steps * 4L, steps * 4);
        return curve[curve.length - 1];
    }
}
