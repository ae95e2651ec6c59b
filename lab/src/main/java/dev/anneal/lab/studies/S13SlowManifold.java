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
import dev.anneal.lab.task.Quadratic;
import dev.anneal.lab.train.Optimizers;
import dev.anneal.optim.Optimizer;
import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Spec;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import static dev.anneal.lab.train.Optimizers.rate;

/** S13: fast modes relax first; the late loss lives in the slow modes; the LR's decay rate picks the resolved scales. */
public final class S13SlowManifold implements Study {
    static final Quadratic TASK = Quadratic.logSpaced(20, 1e-3, 1);
    static final int SLOW = 5;
    static final double SIGMA = 1e-3;
    static final double[] HALF_LIVES = {0.02, 0.1, 0.5};
    static final String SHARE = "slow-mode share of the loss at T/4 (constant LR)";
    static final String ORDER = "mode pairs relaxing in curvature order (constant LR)";

    @Override public String id() { return "S13"; }
    @Override public String title() { return "Slow manifold: fast modes relax first, decay rate picks the scales"; }
    @Override public String source() { return "000"; }
    @Override public Evidence evidence() { return Evidence.IDENTITY; }
    @Override public Optional<Previous> previous() { return Optional.of(new Previous(Verdict.REPRODUCED, "kind now stated: an identity (noiseless modes compared with their own criterion), not counted as an experiment")); }

    @Override
    public String claim() {
        return "On a quadratic with a wide spectrum, fast modes relax first and late loss is governed by the slowest modes; "
                + "the LR decay rate sets which time scales are resolved.";
    }

    private static int steps(Mode mode) {
        return mode.pick(4000, 1000);
    }

    @Override
    public String setup(Mode mode) {
        int t = steps(mode);
        return "Quadratic with 20 curvatures log-spaced in [0.001, 1], start xᵢ = zᵢ/√λᵢ with zᵢ ~ N(0, 1) (equal energy per mode), "
                + "gradient noise N(0, " + SIGMA + "²), " + t + " steps. Constant arm: constant(1). Decay arms: exponential(1, half_life=H) "
                + "for H = 2%, 10%, 50% of the steps; the movement budget S = Σηₜ predicts mode i is resolved (|xᵢ| falls below 1/e of its "
                + "start) iff λᵢ·S > 1. Slow modes: the " + SLOW + " smallest curvatures.";
    }

    @Override
    public String metric() {
        return "share of the loss held by the slow modes at T/4; fraction of mode pairs whose 1/e relaxation times are ordered by "
                + "curvature; per half-life, the number of resolved modes and the fraction of modes whose resolved/unresolved status "
                + "agrees with λᵢ·Σηₜ > 1.";
    }

    @Override
    public Rule rule() {
        return Rule.all(Rule.above(SHARE, 0.9), Rule.above(ORDER, 0.9), Rule.above(agreement(HALF_LIVES[0]), 0.9),
                Rule.above(agreement(HALF_LIVES[1]), 0.9), Rule.above(agreement(HALF_LIVES[2]), 0.9),
                Rule.higher(resolved(HALF_LIVES[2]), resolved(HALF_LIVES[0])));
    }

    static String resolved(double h) {
        return "resolved modes, H=" + Math.round(h * 100) + "%";
    }

    static String agreement(double h) {
        return "agreement with λ·Ση > 1, H=" + Math.round(h * 100) + "%";
    }

    @Override
    public Figure figure() {
        return Figure.logLog("Loss per group of modes, constant LR (mean over seeds)", "step", "loss of the group");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        int steps = steps(mode), d = TASK.dimension();
        float[] start = new float[d];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < d; i++) start[i] = (float) (rng.nextGaussian() / Math.sqrt(TASK.curvature(i)));
        Trial trial = new Trial();
        constantArm(trial, start, steps, seed);
        for (double h : HALF_LIVES) decayArm(trial, start, steps, h, seed);
        return trial;
    }

    private void constantArm(Trial trial, float[] start, int steps, long seed) {
        int d = start.length;
        float[] x = start.clone(), g = new float[d];
        long[] relaxed = new long[d];
        java.util.Arrays.fill(relaxed, steps + 1L);
        double[][] groups = new double[3][steps + 1];
        SplittableRandom noise = new SplittableRandom(seed + 1);
        Optimizer sgd = Optimizers.sgd(x);
        double share = 0;
        for (int t = 0; t <= steps; t++) {
            for (int i = 0; i < d; i++) {
                groups[i < 7 ? 0 : i < d - SLOW ? 1 : 2][t] += TASK.loss(x, i);
                if (relaxed[i] > steps && Math.abs(x[i]) < Math.abs(start[i]) / Math.E) relaxed[i] = t;
            }
            if (t == steps / 4) share = groups[2][t] / (groups[0][t] + groups[1][t] + groups[2][t]);
            if (t == steps) break;
            TASK.noisyGradient(x, g, SIGMA, noise);
            sgd.step(List.of(g), rate(1.0));
        }
        int ordered = 0, pairs = 0;
        for (int i = 0; i < d; i++)
            for (int j = i + 1; j < d; j++, pairs++) if (relaxed[i] <= relaxed[j]) ordered++;
        trial.metric(SHARE, share).metric(ORDER, ordered / (double) pairs);
        String[] names = {"fast modes (7 largest λ)", "middle modes", "slow modes (5 smallest λ)"};
        for (int k = 0; k < 3; k++) trial.curve(names[k], logGrid(groups[k]));
    }

    /** Points at roughly even spacing in log(step), starting at step 1. */
    private static Curve logGrid(double[] y) {
        java.util.List<double[]> pts = new java.util.ArrayList<>();
        long last = 0;
        for (double e = 0; ; e += 0.02) {
            long t = Math.round(Math.pow(10, e));
            if (t >= y.length) break;
            if (t != last) pts.add(new double[] {t, y[(int) t]});
            last = t;
        }
        return new Curve(pts.stream().mapToDouble(p -> p[0]).toArray(), pts.stream().mapToDouble(p -> p[1]).toArray());
    }

    private void decayArm(Trial trial, float[] start, int steps, double halfLife, long seed) {
        int d = start.length;
        Schedule lr = Spec.parse("exponential(1, half_life=" + halfLife * steps + ")");
        float[] x = start.clone(), g = new float[d];
        SplittableRandom noise = new SplittableRandom(seed + 1);
        Optimizer sgd = Optimizers.sgd(x);
        double budget = 0;
        for (int t = 0; t < steps; t++) {
            TASK.noisyGradient(x, g, SIGMA, noise);
            sgd.step(List.of(g), rate(lr.at(t)));
            budget += lr.at(t);
        }
        int resolved = 0, agree = 0;
        for (int i = 0; i < d; i++) {
            boolean simulated = Math.abs(x[i]) < Math.abs(start[i]) / Math.E, predicted = TASK.curvature(i) * budget > 1;
            if (simulated) resolved++;
            if (simulated == predicted) agree++;
        }
        trial.metric(resolved(halfLife), resolved).metric(agreement(halfLife), agree / (double) d);
    }
}
