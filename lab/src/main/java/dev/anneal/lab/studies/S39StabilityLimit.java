package dev.anneal.lab.studies;

import dev.anneal.optimizer.Dynamics;
import dev.anneal.lab.Curve;
import dev.anneal.lab.Evidence;
import dev.anneal.lab.Figure;
import dev.anneal.lab.Mode;
import dev.anneal.lab.Previous;
import dev.anneal.lab.Rule;
import dev.anneal.lab.Study;
import dev.anneal.lab.Trial;
import dev.anneal.lab.Verdict;
import dev.anneal.lab.task.LinearRegression;
import dev.anneal.lab.train.Descent;
import dev.anneal.lab.train.Optimizers;
import dev.anneal.schedule.Schedule;

import java.util.Optional;
import java.util.SplittableRandom;

/** S39: GD converges iff η &lt; 2/λmax; scaling one feature by 10 scales its Hessian entry by 100 and breaks a safe LR. */
public final class S39StabilityLimit implements Study {
    static final double[] FACTORS = {0.5, 0.9, 0.98, 1.02, 1.1, 1.5};
    static final String BELOW = "log10 L_T/L_0 at η = 0.98·2/λmax";
    static final String ABOVE = "log10 L_T/L_0 at η = 1.02·2/λmax";
    static final String ENTRY = "|H'₀₀/H₀₀ − 100| after scaling feature 0 by 10";
    static final String BROKEN = "log10 L_T/L_0, old η = 0.5·2/λmax on the scaled data";

    @Override public String id() { return "S39"; }
    @Override public String title() { return "Stability limit η < 2/λmax and feature scaling"; }
    @Override public String source() { return "003"; }
    @Override public Evidence evidence() { return Evidence.IDENTITY; }
    @Override public Optional<Previous> previous() { return Optional.of(new Previous(Verdict.REPRODUCED, "kind now stated: an identity (the stability limit on a quadratic is arithmetic)")); }

    @Override
    public String claim() {
        return "Stability limit: GD on a quadratic converges iff η < 2/λmax; scaling one input feature by 10 multiplies the "
                + "matching Hessian entries by 100 and breaks a previously safe LR.";
    }

    @Override
    public String setup(Mode mode) {
        return "Least squares on 200 synthetic rows with 5 unit-scale Gaussian features and noise 0.1 (a new data set per seed); "
                + "λmax of XᵀX/n computed exactly (optim's Lanczos over all 5 dimensions). Full-batch GD from w = 0 for " + mode.pick(2000, 500) + " steps at η = c·2/λmax "
                + "for c in 0.5, 0.9, 0.98, 1.02, 1.1, 1.5; then feature 0 is multiplied by 10 and GD is rerun at the old safe η = 0.5·2/λmax. "
                + "The loss is measured above the least-squares minimum L* (normal equations).";
    }

    @Override
    public String metric() {
        return "log10 of final over initial excess loss (below 0: converged; above 0: diverged, capped at 1e12); the Hessian entry ratio error.";
    }

    @Override
    public Rule rule() {
        return Rule.all(Rule.below(BELOW, 0), Rule.above(ABOVE, 0), Rule.below(ENTRY, 1e-6), Rule.above(BROKEN, 0));
    }

    @Override
    public Figure figure() {
        return Figure.linear("Final log10 loss ratio against η·λmax/2 (mean over seeds)", "η·λmax/2", "log10 (L_T − L*)/(L_0 − L*)");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        int steps = mode.pick(2000, 500);
        double[] scales = {1, 1, 1, 1, 1};
        LinearRegression task = LinearRegression.synthetic(200, scales, 0.1, new SplittableRandom(seed));
        double limit = Dynamics.sgd().limit() / task.lambdaMax(null); // core's analysis: GD is stable for η·λmax < 2
        double[] ratios = new double[FACTORS.length];
        Trial trial = new Trial();
        double l0 = task.excessLoss(new float[5]);
        for (int k = 0; k < FACTORS.length; k++) {
            float[] w = train(task, FACTORS[k] * limit, steps);
            double excess = Math.max(task.excessLoss(w), 1e-30);
            ratios[k] = Curves.log10Capped(excess, Descent.DIVERGED) - Math.log10(l0);
        }
        trial.metric(BELOW, ratios[2]).metric(ABOVE, ratios[3]);
        trial.curve("unscaled data", new Curve(FACTORS, ratios));

        double[] bigger = {10, 1, 1, 1, 1};
        LinearRegression scaled = LinearRegression.synthetic(200, bigger, 0.1, new SplittableRandom(seed));
        trial.metric(ENTRY, Math.abs(scaled.hessian(0, 0) / task.hessian(0, 0) - 100));
        float[] w = train(scaled, 0.5 * limit, steps);
        return trial.metric(BROKEN, Curves.log10Capped(scaled.excessLoss(w), Descent.DIVERGED) - Math.log10(scaled.excessLoss(new float[5])));
    }

    private static float[] train(LinearRegression task, double lr, int steps) {
        float[] w = new float[task.dimension()];
        Descent.run(w, (p, g, t) -> task.gradient(p, g), task::loss, Schedule.constant(lr), Optimizers::sgd, steps, steps);
        return w;
    }
}
