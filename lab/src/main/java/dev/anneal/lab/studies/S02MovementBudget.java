package dev.anneal.lab.studies;

import dev.anneal.analysis.RobbinsMonro;
import dev.anneal.lab.Curve;
import dev.anneal.lab.Evidence;
import dev.anneal.lab.Figure;
import dev.anneal.lab.Mode;
import dev.anneal.lab.Previous;
import dev.anneal.lab.Rule;
import dev.anneal.lab.Study;
import dev.anneal.lab.Trial;
import dev.anneal.lab.Verdict;
import dev.anneal.lab.train.Descent;
import dev.anneal.lab.train.Optimizers;
import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Spec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/** S02: exponential decay has a finite movement budget; Robbins–Monro polynomial decay does not. */
public final class S02MovementBudget implements Study {
    static final double ETA = 0.1, GAMMA = 0.99, G = 1, SIGMA = 0.5;
    static final String SHORTFALL = "budget shortfall D − G·Σηₜ of the exponential (analysis)";

    static Map<String, String> arms() {
        Map<String, String> arms = new LinkedHashMap<>();
        arms.put("exponential", "exponential(" + ETA + ", gamma=" + GAMMA + ")");
        arms.put("polynomial p=0.6", "inverse_time(" + ETA + ", k=0.01, power=0.6)");
        arms.put("polynomial p=1", "inverse_time(" + ETA + ", k=0.01, power=1)");
        return arms;
    }

    @Override public String id() { return "S02"; }
    @Override public String title() { return "Movement budget: exponential freezes, Robbins–Monro arrives"; }
    @Override public String source() { return "000"; }
    @Override public Evidence evidence() { return Evidence.EXPERIMENT; }
    @Override public Optional<Previous> previous() { return Optional.of(new Previous(Verdict.REPRODUCED, "comparisons are now paired; the margins were already wide")); }

    @Override
    public String claim() {
        return "Exponential decay violates Σηₜ = ∞: its movement budget η0/(1−α)·G is finite, so a start farther than the budget "
                + "freezes early; polynomial decay with 0.5 < p ≤ 1 (Robbins–Monro) arrives.";
    }

    private static int steps(Mode mode) {
        return mode.pick(20000, 5000);
    }

    @Override
    public String setup(Mode mode) {
        return "1-D pseudo-Huber loss G·(√(1+x²) − 1) with G = 1 (so |∇L| ≤ G), start x0 uniform in [25, 35] (the exponential's budget G·η0/(1−γ) is "
                + Math.round(budget()) + "), SGD with gradient noise N(0, " + SIGMA + "²), " + steps(mode) + " steps. Arms: " + arms() + ".";
    }

    @Override
    public String metric() {
        return "final distance |x_T| to the minimum (lower is better); the shortfall row is the distance the budget argument says "
                + "the exponential arm cannot cover.";
    }

    /** G·Σηₜ to infinity for the exponential arm, from the analysis's closed form. */
    static double budget() {
        return G * RobbinsMonro.of(Spec.parse(arms().get("exponential")), 1_000_000).sum().value();
    }

    @Override
    public Rule rule() {
        return Rule.all(Rule.lower("polynomial p=0.6", "exponential"), Rule.lower("polynomial p=1", "exponential"),
                Rule.below("polynomial p=0.6", 1), Rule.below("polynomial p=1", 1));
    }

    @Override
    public Figure figure() {
        return Figure.linear("Distance to the minimum (mean over seeds)", "step", "|x|");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        int steps = steps(mode), every = 50;
        double start = 25 + 10 * new SplittableRandom(seed).nextDouble();
        Trial trial = new Trial();
        for (var arm : arms().entrySet()) {
            Schedule lr = Spec.parse(arm.getValue());
            SplittableRandom noise = new SplittableRandom(seed + 1000);
            float[] x = {(float) start};
            double[] path = Descent.run(x,
                    (p, g, t) -> g[0] = (float) (G * p[0] / Math.sqrt(1 + (double) p[0] * p[0]) + SIGMA * noise.nextGaussian()),
                    p -> Math.abs(p[0]), lr, Optimizers::sgd, steps, every);
            trial.metric(arm.getKey(), Math.abs(x[0]));
            trial.curve(arm.getKey(), new Curve(Curves.grid(path.length, every), path));
        }
        return trial.metric(SHORTFALL, start - budget());
    }
}
