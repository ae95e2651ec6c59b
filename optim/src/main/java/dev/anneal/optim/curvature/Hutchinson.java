package dev.anneal.optim.curvature;

import dev.anneal.schedule.Checks;

import java.util.Random;

/**
 * Hutchinson's trace estimator: tr(H) = E[zᵀHz] for z with independent Rademacher (±1) entries; the estimate is the
 * mean of zᵀHz over samples, one product each, with the standard error s/√m from the sample variance. Its variance
 * per sample is 2·Σ_{i≠j} H_ij² (exact for a diagonal H). It stops when the standard error is ≤ tolerance·|mean|
 * (after at least 2 samples) or after {@code maxSamples}.
 */
public record Hutchinson(int maxSamples, double tolerance, long seed) {

    public Hutchinson {
        Checks.positive("maxSamples", maxSamples);
        Checks.positive("tolerance", tolerance);
    }

    /** The estimate of tr(H), its standard error, and the products (= samples) used. */
    public record Trace(double estimate, double standardError, int products, boolean converged) {}

    public Trace run(Hvp hvp) {
        Random rng = new Random(seed);
        int n = hvp.dimension();
        double mean = 0, m2 = 0, se = Double.POSITIVE_INFINITY;
        for (int s = 1; s <= maxSamples; s++) {
            double[] z = new double[n];
            for (int i = 0; i < n; i++) z[i] = rng.nextBoolean() ? 1 : -1;
            double x = Vectors.dot(z, Vectors.product(hvp, z));
            double delta = x - mean; // Welford's running mean and variance
            mean += delta / s;
            m2 += delta * (x - mean);
            if (s > 1) se = Math.sqrt(m2 / (s - 1) / s);
            if (se <= tolerance * Math.abs(mean)) return new Trace(mean, se, s, true);
        }
        return new Trace(mean, se, maxSamples, false);
    }
}
