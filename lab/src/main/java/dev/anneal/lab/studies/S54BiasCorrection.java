package dev.anneal.lab.studies;

import dev.anneal.lab.Curve;
import dev.anneal.lab.Evidence;
import dev.anneal.lab.Figure;
import dev.anneal.lab.Mode;
import dev.anneal.lab.Rule;
import dev.anneal.lab.Study;
import dev.anneal.lab.Trial;
import dev.anneal.lab.train.Scheduled;
import dev.anneal.optimizer.Method;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * S54: Adam's second moment under stationary gradients. Formula E[v_t] = (1 − β₂ᵗ)·E[g²], against the v that
 * optim's Adam keeps, averaged over many independent coordinates; then the same run at two learning rates.
 */
public final class S54BiasCorrection implements Study {
    static final int REPLICAS = 20_000;
    static final double BETA2 = 0.999, MEAN = 0.3, SIGMA = 1, TOLERANCE = 0.05;
    static final int[] AT = {1, 10, 100, 1000};

    @Override public String id() { return "S54"; }
    @Override public Evidence evidence() { return Evidence.SIMULATION; }
    @Override public String source() { return "004"; }
    @Override public String title() { return "Adam's bias correction vs warmup: E[v_t] does not see η"; }

    @Override
    public String claim() {
        return "Adam's bias correction and warmup address different problems: E[vt] depends on the gradient statistics and β2 only, not on ηt.";
    }

    static int steps(Mode mode) {
        return mode.pick(1000, 100);
    }

    @Override
    public String setup(Mode mode) {
        return "optim's Adam (β₂ = " + BETA2 + ") on " + REPLICAS + " independent coordinates whose gradients are stationary, i.i.d. N(" + MEAN + ", "
                + SIGMA + "²), " + steps(mode) + " steps; v_t read from the optimizer's state and averaged over the coordinates at t ∈ {1, 10, 100, 1000} "
                + "(those within the run), against (1 − β₂ᵗ)·(μ² + σ²); tolerance " + TOLERANCE + " relative (the replica mean's standard error is "
                + "≤ 0.01 at t = 1). The same run at lr = warmup(50, constant(1e-4)) and constant(0.1): the v's compared.";
    }

    @Override
    public String metric() {
        return "max relative error of the mean v_t against the formula; max |v(η₁)/v(η₂) − 1| over coordinates at the end (gradients that do not "
                + "depend on the parameters: an identity of the setup).";
    }

    @Override
    public Rule rule() {
        return Rule.all(Rule.part("E[v_t] = (1 − β₂ᵗ)E[g²]", Evidence.SIMULATION, Rule.below("max |mean v_t / formula − 1|", TOLERANCE)),
                Rule.part("v_t the same at two schedules", Evidence.IDENTITY, Rule.below("max |v(η₁)/v(η₂) − 1|", 1e-6)));
    }

    @Override
    public Figure figure() {
        return Figure.logLog("Mean v_t over the coordinates and the formula (mean over seeds)", "step", "v_t");
    }

    /** v of every coordinate at the end, and the mean v after each recorded step. */
    private record Run(double[] v, double[] steps, double[] meanV) {}

    @Override
    public Trial run(Mode mode, long seed) {
        int steps = steps(mode);
        Run slow = simulate(steps, "warmup(50, constant(1e-4))", seed), fast = simulate(steps, "constant(0.1)", seed);
        double second = MEAN * MEAN + SIGMA * SIGMA, worst = 0;
        double[] formula = new double[slow.steps().length];
        for (int k = 0; k < formula.length; k++) {
            int t = (int) slow.steps()[k];
            formula[k] = (1 - Math.pow(BETA2, t)) * second;
            if (Arrays.binarySearch(AT, t) >= 0) worst = Math.max(worst, Math.abs(slow.meanV()[k] / formula[k] - 1));
        }
        double identity = 0;
        for (int i = 0; i < REPLICAS; i++) identity = Math.max(identity, Math.abs(slow.v()[i] / fast.v()[i] - 1));
        return new Trial().metric("max |mean v_t / formula − 1|", worst).metric("max |v(η₁)/v(η₂) − 1|", identity)
                .curve("mean v_t (optim's Adam)", new Curve(slow.steps(), slow.meanV())).curve("(1 − β₂ᵗ)·E[g²]", new Curve(slow.steps(), formula));
    }

    /** Steps 1…10, then every 10th, and the steps of {@link #AT}. */
    private static boolean recorded(int t) {
        return t <= 10 || t % 10 == 0 || Arrays.binarySearch(AT, t) >= 0;
    }

    private static Run simulate(int steps, String lr, long seed) {
        float[] p = new float[REPLICAS], g = new float[REPLICAS];
        Scheduled opt = new Scheduled(Method.ADAM, Scheduled.set(steps, "lr", lr, "beta2", BETA2), p);
        SplittableRandom rng = new SplittableRandom(seed);
        java.util.List<double[]> rows = new java.util.ArrayList<>();
        for (int t = 1; t <= steps; t++) {
            for (int i = 0; i < REPLICAS; i++) g[i] = (float) (MEAN + SIGMA * rng.nextGaussian());
            opt.step(g);
            if (recorded(t)) {
                double s = 0;
                for (float e : opt.state().blocks().getFirst().second()) s += e;
                rows.add(new double[] {t, s / REPLICAS});
            }
        }
        float[] v = opt.state().blocks().getFirst().second();
        double[] out = new double[REPLICAS];
        for (int i = 0; i < REPLICAS; i++) out[i] = v[i];
        return new Run(out, rows.stream().mapToDouble(r -> r[0]).toArray(), rows.stream().mapToDouble(r -> r[1]).toArray());
    }
}
