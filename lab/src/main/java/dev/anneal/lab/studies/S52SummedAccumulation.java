package dev.anneal.lab.studies;

import dev.anneal.analysis.BatchRules;
import dev.anneal.lab.Curve;
import dev.anneal.lab.Evidence;
import dev.anneal.lab.Figure;
import dev.anneal.lab.Mode;
import dev.anneal.lab.Rule;
import dev.anneal.lab.Study;
import dev.anneal.lab.Trial;
import dev.anneal.lab.train.Scheduled;
import dev.anneal.optimizer.Method;
import dev.anneal.optim.grad.GradientAccumulator;
import dev.anneal.optim.grad.Reduction;

import java.util.List;
import java.util.SplittableRandom;

/**
 * S52: gradient accumulation that sums K micro-batches. Formula: the effective rate is K·η (core's BatchRules
 * hidden factor), measured as the contraction of optim's SGD fed by optim's GradientAccumulator. Experiment: the
 * target min(η_linear, η_stability) set as target/K against the linear-scaling target, across K.
 */
public final class S52SummedAccumulation implements Study {
    static final int[] K = {2, 4, 8, 16};
    static final double BASE_LR = 0.2, LAMBDA = 1, NOISE = 0.5, TOLERANCE = 1e-3;
    static final int DIM = 4, WARMUP = 50;

    @Override public String id() { return "S52"; }
    @Override public Evidence evidence() { return Evidence.EXPERIMENT; }
    @Override public String source() { return "004"; }
    @Override public String title() { return "Summed accumulation: K·η and the safe target"; }

    @Override
    public String claim() {
        return "Gradient accumulation that sums instead of averaging K micro-batches multiplies the effective LR by K; the target LR must be "
                + "min(η_linear-scaling, η_stability).";
    }

    static int steps(Mode mode) {
        return mode.pick(600, 200);
    }

    @Override
    public String setup(Mode mode) {
        return "Quadratic ½·λ‖x‖² with λ = " + LAMBDA + " in " + DIM + " dimensions; micro-batch gradient λx + N(0, " + NOISE + "²) per coordinate; "
                + "K ∈ {2, 4, 8, 16} micro-batches per step through optim's GradientAccumulator. Formula: noise-free, η = 0.01, x₀ = 1: the measured "
                + "effective rate (1 − x₁/x₀)/λ with SUM over that with MEAN, against K (tolerance " + TOLERANCE + "). Experiment: base rate "
                + BASE_LR + " at batch 1, " + steps(mode) + " steps with warmup(" + WARMUP + ", …), SUM mode; linear scaling configures η = K·" + BASE_LR
                + " (applied K²·" + BASE_LR + "); the rule configures BatchRules.configuredPeak() = min(K·" + BASE_LR + ", 2/λ)/K.";
    }

    @Override
    public String metric() {
        return "max over K of |measured SUM/MEAN rate ratio / hidden factor − 1| (BatchRules.hiddenFactor(), K in SUM mode); fraction of K whose run diverged (loss above 10¹²); final loss averaged over K "
                + "(diverged runs count 10¹²).";
    }

    @Override
    public Rule rule() {
        return Rule.all(Rule.part("effective rate K·η", Evidence.SIMULATION, Rule.below("max |ratio/K − 1|", TOLERANCE)),
                Rule.part("the safe target", Evidence.EXPERIMENT, Rule.lower("min(linear, stability): diverged", "linear scaling: diverged")));
    }

    @Override
    public Figure figure() {
        return Figure.logY("Loss at K = 8, SUM mode (mean over seeds)", "step", "loss");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        double worst = 0;
        for (int k : K) {
            long hidden = new BatchRules(BASE_LR, k, 1, k, true, 2 / LAMBDA).hiddenFactor();
            worst = Math.max(worst, Math.abs(rate(k, Reduction.SUM) / rate(k, Reduction.MEAN) / hidden - 1));
        }
        Trial trial = new Trial().metric("max |ratio/K − 1|", worst);
        int steps = steps(mode);
        for (String arm : new String[] {"linear scaling", "min(linear, stability)"}) {
            int diverged = 0;
            for (int k : K) {
                BatchRules rules = new BatchRules(BASE_LR, k, 1, k, true, 2 / LAMBDA);
                double configured = arm.equals("linear scaling") ? rules.linear() : rules.configuredPeak();
                double[] curve = train(k, configured, steps, new SplittableRandom(seed));
                if (Double.isInfinite(curve[curve.length - 1])) diverged++;
                if (k == 8) trial.curve(arm, new Curve(Curves.grid(curve.length, 1), java.util.Arrays.stream(curve).map(Curves::capped).toArray()));
            }
            trial.metric(arm + ": diverged", diverged / (double) K.length);
        }
        return trial;
    }

    /** The effective rate of one step from x₀ = 1, noise-free: (1 − x₁)/λ. */
    static double rate(int k, Reduction reduction) {
        float[] x = {1f}, g = new float[1], micro = new float[1];
        Scheduled opt = new Scheduled(Method.SGD, Scheduled.set(1, "lr", 0.01), x);
        GradientAccumulator acc = new GradientAccumulator(k, reduction);
        for (int m = 0; m < k; m++) {
            micro[0] = (float) (LAMBDA * x[0]);
            if (acc.add(List.of(micro), List.of(g))) opt.step(g);
        }
        return (1 - x[0]) / LAMBDA;
    }

    /** Loss after each step (+∞ from a divergence on). */
    static double[] train(int k, double lr, int steps, SplittableRandom rng) {
        float[] x = Curves.floats(DIM, 1), g = new float[DIM], micro = new float[DIM];
        Scheduled opt = new Scheduled(Method.SGD, Scheduled.set(steps, "lr", "warmup(" + WARMUP + ", constant(" + lr + "))"), x);
        GradientAccumulator acc = new GradientAccumulator(k, Reduction.SUM);
        double[] curve = new double[steps + 1];
        curve[0] = loss(x);
        for (int t = 0; t < steps; t++) {
            for (int m = 0; m < k; m++) {
                for (int i = 0; i < DIM; i++) micro[i] = (float) (LAMBDA * x[i] + NOISE * rng.nextGaussian());
                if (acc.add(List.of(micro), List.of(g))) opt.step(g);
            }
            curve[t + 1] = loss(x);
            if (!(curve[t + 1] < 1e12)) {
                java.util.Arrays.fill(curve, t + 1, curve.length, Double.POSITIVE_INFINITY);
                break;
            }
        }
        return curve;
    }

    private static double loss(float[] x) {
        double s = 0;
        for (float v : x) s += 0.5 * LAMBDA * v * v;
        return s;
    }
}
