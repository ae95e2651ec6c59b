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
import dev.anneal.lab.task.Quartic;
import dev.anneal.lab.train.Descent;
import dev.anneal.lab.train.Optimizers;
import dev.anneal.optim.control.Controlled;
import dev.anneal.optim.control.CurvatureRate;
import dev.anneal.control.Observation;
import dev.anneal.optim.curvature.PowerIteration;
import dev.anneal.optim.curvature.Spectra;
import dev.anneal.schedule.Schedule;

import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * S41: η = 2s/ρ with ρ the online power-iteration estimate of λmax trains near the speed limit, faster than a safe fixed
 * LR. The adaptive arm is optim's {@link CurvatureRate} composed with a schedule by {@link Controlled}, the controller a
 * training loop would use, fed the task's exact Hessian–vector products.
 */
public final class S41PowerIterationLr implements Study {
    static final int D = 10, EVERY = 10, PRODUCTS = 20;
    static final double S = 0.9, MU = 1, TARGET = 1e-6, TOLERANCE = 1e-3, CAP = 10;
    /**
     * The controller's base: 0 for step 0 (no estimate yet: the first is made after it, at the unchanged start), then a
     * cap of 10 that never binds (2s/ρ ≤ 1.8 whenever ρ ≥ λmax(x*) = 1), so the rate is 2s/ρ from step 1 on.
     */
    static final Schedule BASE = Schedule.warmup(1, Schedule.constant(CAP));
    static final String ADAPTIVE = "steps to 1e-6·L0, η = 2s/ρ (power iteration)";
    static final String SAFE = "steps to 1e-6·L0, safe fixed η = 2s/λmax(x0)";
    static final String DIVERGED = "diverged share, η = 2s/ρ";
    static final String OPTIMUM_LIMIT = "diverged share, fixed η = 2s/λmax(x*)";

    @Override public String id() { return "S41"; }
    @Override public String title() { return "Curvature-adaptive LR from power iteration"; }
    @Override public String source() { return "003"; }
    @Override public Evidence evidence() { return Evidence.EXPERIMENT; }
    @Override public Optional<Previous> previous() { return Optional.of(new Previous(Verdict.REPRODUCED, "comparisons are now paired; faster in 8/8 seeds")); }

    @Override
    public String claim() {
        return "Online λmax by power iteration (Hessian–vector products) with ηt = 2s/ρt (s < 1) trains near the speed limit without "
                + "diverging, faster than a safe fixed LR.";
    }

    private static int steps(Mode mode) {
        return mode.pick(20000, 5000);
    }

    @Override
    public String setup(Mode mode) {
        return "Quartic bowl Σ ½λᵢyᵢ² + ¼yᵢ⁴ in a random rotated basis (y = Qᵀx), " + D + " curvatures λ log-spaced in [0.1, 1], start "
                + "x ~ N(0, 2²) per coordinate: the curvature λ + 3y² is large far out and falls towards the minimum. Adaptive arm: "
                + "optim's CurvatureRate(s = " + S + ", every " + EVERY + ") through Controlled on the base " + BASE + " (0 at step 0, "
                + "then a cap that never binds): after step 0 and every " + EVERY + " steps it refreshes ρ by optim's PowerIteration "
                + "(the task's exact Hessian–vector products at the updated parameters, warm start, at most " + PRODUCTS + " products, "
                + "tolerance " + TOLERANCE + ") and the rate is min(cap, 2·" + S + "/ρ). Safe fixed arm: η = 2·" + S + "/λmax(x0), safe along the whole descent. Speed-limit "
                + "arm: fixed η = 2·" + S + "/λmax(0) (safe only near the minimum). Full-batch GD, at most " + steps(mode) + " steps.";
    }

    @Override
    public String metric() {
        return "steps until the loss falls below 1e-6 of its start (the step cap if never; lower is faster); share of runs diverging "
                + "(loss above 1e12).";
    }

    @Override
    public Rule rule() {
        return Rule.all(Rule.lower(ADAPTIVE, SAFE), Rule.below(DIVERGED, 0.5));
    }

    @Override
    public Figure figure() {
        return Figure.logLog("Loss (mean and spread over seeds; a diverged run counts as 1e12 from then on)", "step", "loss");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] lambda = new double[D];
        for (int i = 0; i < D; i++) lambda[i] = Math.pow(10, -i / (D - 1.0));
        Quartic task = new Quartic(lambda, MU, Spectra.randomOrthogonal(D, seed));
        float[] start = new float[D];
        for (int i = 0; i < D; i++) start[i] = (float) (2 * rng.nextGaussian());
        int steps = steps(mode);
        double l0 = task.loss(start), target = TARGET * l0;
        double safe = 2 * S / task.lambdaMax(start), limit = 2 * S / task.lambdaMax(new float[D]);
        // The loss is recorded at every step (to find the first below the target); the curves keep about 200 log-spaced points.
        ToDoubleFunction<float[]> loss = task::loss;
        var adaptive = new Controlled<>(BASE, 0, new CurvatureRate(S, EVERY, new PowerIteration(PRODUCTS, TOLERANCE, seed)));
        double[][] curves = {
                Descent.run(start.clone(), (x, g, t) -> task.gradient(x, g), loss, adaptive, (x, verdict) -> Observation.curvature(task.hvpAt(x)),
                        Optimizers::sgd, steps, 1).curve(),
                Descent.run(start.clone(), (x, g, t) -> task.gradient(x, g), loss, Schedule.constant(safe), Optimizers::sgd, steps, 1),
                Descent.run(start.clone(), (x, g, t) -> task.gradient(x, g), loss, Schedule.constant(limit), Optimizers::sgd, steps, 1)};
        Trial trial = new Trial().metric(ADAPTIVE, stepsTo(curves[0], target)).metric(SAFE, stepsTo(curves[1], target))
                .metric(DIVERGED, Descent.diverged(curves[0][steps]) ? 1 : 0).metric(OPTIMUM_LIMIT, Descent.diverged(curves[2][steps]) ? 1 : 0);
        String[] names = {"η = 2s/ρ (power iteration)", "safe fixed η", "fixed η at the optimum's limit"};
        for (int arm = 0; arm < 3; arm++) trial.curve(names[arm], thinned(curves[arm], target));
        return trial;
    }

    /** The first step whose loss is below {@code target}; the number of steps if none is (a diverged run included). */
    static int stepsTo(double[] curve, double target) {
        for (int t = 0; t < curve.length; t++) if (curve[t] < target) return t;
        return curve.length - 1;
    }

    /**
     * About 200 points on a log-spaced grid (the action is in the first few hundred of 20,000 steps); a run held at the loss it
     * reached the target with, a diverged one at 1e12 (so the mean stays finite).
     */
    private static Curve thinned(double[] curve, double target) {
        int reached = stepsTo(curve, target);
        int[] at = Curves.logSteps(curve.length - 1, 200);
        double[] x = new double[at.length], y = new double[at.length];
        for (int i = 0; i < at.length; i++) {
            x[i] = at[i];
            y[i] = Curves.capped(curve[Math.min(at[i], reached)]);
        }
        return new Curve(x, y);
    }
}
