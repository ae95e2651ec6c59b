package dev.anneal.analysis;

import dev.anneal.schedule.InvalidInputException;

import dev.anneal.optimizer.Dynamics;
import dev.anneal.schedule.Checks;
import dev.anneal.schedule.Schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code anneal check}: is this schedule safe over {@code steps} steps? Configure what is known (curvature,
 * optimizer, gradient bound and distance, batch, accumulation, weight decay) and {@link #run()}. Without a
 * curvature the stability and warmup sections are left out and the verdict is at best RISK.
 */
public final class SafetyCheck {
    private final Schedule schedule;
    private final long steps;
    private double lambda = Double.NaN;
    private boolean lambdaIsBound;
    private Dynamics optimizer = Dynamics.sgd();
    private double gradBound = Double.NaN, distance = Double.NaN, weightDecay = Double.NaN;
    private long batch, baseBatch, accumulate = 1;
    private boolean sumMode;

    private SafetyCheck(Schedule schedule, long steps) {
        if (schedule == null) throw InvalidInputException.of("check needs a schedule");
        this.schedule = schedule;
        this.steps = Checks.positive("steps", steps);
    }

    public static SafetyCheck of(Schedule schedule, long steps) {
        return new SafetyCheck(schedule, steps);
    }

    /** The top Hessian eigenvalue λmax, e.g. measured by power iteration. */
    public SafetyCheck lambdaMax(double value) {
        lambda = Checks.positive("lambda-max", value);
        lambdaIsBound = false;
        return this;
    }

    /**
     * An upper bound Λ on λmax from initialisation statistics: for a squared loss on a linear layer the Hessian
     * is E[xxᵀ], so λmax ≤ tr E[xxᵀ] = E‖x‖² (d for d standardised inputs).
     */
    public SafetyCheck lambdaMaxBound(double value) {
        lambda = Checks.positive("lambda-max-bound", value);
        lambdaIsBound = true;
        return this;
    }

    /** The optimizer's stability model; with decoupled weight decay (AdamW) the decay section follows from it. */
    public SafetyCheck optimizer(Dynamics value) {
        optimizer = value;
        return this;
    }

    public SafetyCheck gradBound(double value) {
        gradBound = Checks.positive("grad-bound", value);
        return this;
    }

    public SafetyCheck distance(double value) {
        distance = Checks.positive("distance", value);
        return this;
    }

    public SafetyCheck batch(long value, long base) {
        batch = Checks.positive("batch", value);
        baseBatch = Checks.positive("base-batch", base);
        return this;
    }

    /** Gradient accumulation over K micro-batches; in sum mode the applied rate is K·η. */
    public SafetyCheck accumulate(long k, boolean sum) {
        accumulate = Checks.positive("accumulate", k);
        sumMode = sum;
        return this;
    }

    public SafetyCheck weightDecay(double value) {
        weightDecay = Checks.nonNegative("weight-decay", value);
        return this;
    }

    public SafetyReport run() {
        if (!Double.isNaN(distance) && Double.isNaN(gradBound)) {
            throw Checks.fail("distance", distance, "needs a gradient bound G: the budget is G·Σηₜ");
        }
        List<Section> sections = new ArrayList<>();
        List<String> risks = new ArrayList<>();
        HorizonSums sums = HorizonSums.of(schedule, steps);
        RobbinsMonro rm = RobbinsMonro.of(schedule, steps);
        sections.add(Sections.sums(sums, rm));
        if (!Double.isNaN(gradBound)) {
            Budget budget = Budget.of(schedule, steps, gradBound, Double.isNaN(distance) ? 0 : distance, sums, rm.sum());
            sections.add(Sections.budget(budget, !Double.isNaN(distance)));
            if (!Double.isNaN(distance) && budget.freezes()) {
                risks.add("premature freezing: G·Σηₜ = " + Sections.num(budget.horizon()) + " < distance " + Sections.num(distance)
                        + (budget.freezeStep() >= 0 ? ", frozen from step " + budget.freezeStep() : ""));
            }
        }
        long k = sumMode ? accumulate : 1;
        Stability stability = null;
        if (Double.isNaN(lambda)) {
            risks.add("stability not checked: no λmax given");
        } else {
            stability = Stability.of(schedule, steps, optimizer, lambda, k);
            sections.add(Sections.stability(stability, lambdaIsBound));
            sections.add(Sections.warmup(WarmupAdvice.of(schedule, steps, stability), stability));
            if (optimizer.method().adaptive()) risks.add(Sections.adaptiveCaveat(optimizer.method().key()));
        }
        if (batch > 0 || accumulate > 1) {
            BatchRules rules = new BatchRules(sums.max(), batch > 0 ? batch : 1, batch > 0 ? baseBatch : 1, accumulate, sumMode,
                    stability == null ? Double.NaN : stability.limit() / lambda);
            sections.add(Sections.batch(rules, batch > 0));
        }
        if (k > 1) risks.add("accumulation in sum mode multiplies the rate by K = " + k);
        double weightDecay = !Double.isNaN(this.weightDecay) || !optimizer.method().decoupled() ? this.weightDecay : optimizer.weightDecay();
        if (!Double.isNaN(weightDecay)) {
            Decay decay = Decay.of(schedule, steps, weightDecay, WarmupLength.of(schedule));
            sections.add(Sections.decay(decay));
            if (decay.firstNonPositive() >= 0) {
                risks.add("weight decay factor 1 − ηₜλ ≤ 0 at step " + decay.firstNonPositive() + " (the weights flip sign)");
            }
        }
        return new SafetyReport(Verdict.of(stability, steps, risks), sections);
    }
}
