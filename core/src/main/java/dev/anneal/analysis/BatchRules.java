package dev.anneal.analysis;

import dev.anneal.schedule.Checks;

/**
 * The rate the schedule's peak η̂ (tuned at batch B₀) becomes at batch B: linear rule η̂·B/B₀ (Goyal et al. 2017),
 * square-root rule η̂·√(B/B₀) (constant update variance). With gradient accumulation over K micro-batches in sum
 * mode the applied rate is K·η (the hidden factor); the safe target is min(η_linear, η_stability), to be set as
 * target/K in sum mode. {@code rateLimit} is NaN without a curvature.
 */
public record BatchRules(double peak, long batch, long baseBatch, long accumulate, boolean sumMode, double rateLimit) {

    public BatchRules {
        Checks.positive("batch", batch);
        Checks.positive("base-batch", baseBatch);
        Checks.positive("accumulate", accumulate);
    }

    public double linear() {
        return peak * batch / baseBatch;
    }

    public double sqrt() {
        return peak * Math.sqrt((double) batch / baseBatch);
    }

    public long hiddenFactor() {
        return sumMode ? accumulate : 1;
    }

    /** min(η_linear, η_stability): the effective rate to aim at. */
    public double target() {
        return Double.isNaN(rateLimit) ? linear() : Math.min(linear(), rateLimit);
    }

    /** The peak to configure so that the applied rate is the target: target/K in sum mode. */
    public double configuredPeak() {
        return target() / hiddenFactor();
    }
}
