package dev.anneal.optim.curvature;

import dev.anneal.control.Curvature;

import dev.anneal.schedule.Checks;

import java.util.Arrays;
import java.util.Random;

/**
 * Power iteration for the eigenvalue of largest magnitude: v ← Hv/‖Hv‖, estimate θ = vᵀHv (the Rayleigh quotient).
 * One product per iteration; it stops when the residual ‖Hv − θv‖ ≤ tolerance·|θ| (then |θ − λ| ≤ residual for
 * some eigenvalue λ) or after {@code maxProducts}. The error shrinks like (λ₂/λ₁)^(2k): slow when the top gap is small.
 *
 * @param maxProducts the most Hessian–vector products to use
 * @param tolerance   relative residual at which to stop
 * @param seed        seeds the random start vector
 */
public record PowerIteration(int maxProducts, double tolerance, long seed) {

    public PowerIteration {
        Checks.positive("maxProducts", maxProducts);
        Checks.positive("tolerance", tolerance);
    }

    /**
     * @param value     the Rayleigh quotient at the last product (signed: negative if the dominant eigenvalue is)
     * @param vector    the latest unit iterate, a warm start for the next run: the vector {@code value} belongs to
     *                  when converged, one product further along otherwise
     * @param products  Hessian–vector products used
     * @param converged whether the residual reached the tolerance
     * @param residual  ‖Hv − θv‖, a bound on the distance from θ to the spectrum
     * @param history   the estimate after each product
     */
    public record Estimate(double value, double[] vector, int products, boolean converged, double residual, double[] history) {}

    public Estimate run(Curvature hvp) {
        return run(hvp, Vectors.randomUnit(hvp.dimension(), new Random(seed)));
    }

    /**
     * A warm start for an online estimate: {@code previous} (the last estimate's unit vector) plus a random unit
     * vector drawn from the seed and {@code draw}. Cheap when the top eigenvector moved little, and never stuck: a
     * start lying exactly on another eigenvector has no component along the top one, and the residual test would
     * accept it at once.
     */
    public Estimate refresh(Curvature hvp, double[] previous, long draw) {
        double[] start = previous.clone();
        Vectors.axpy(1, Vectors.randomUnit(start.length, new Random(seed * 31 + draw)), start);
        return run(hvp, start);
    }

    /** Starts from {@code start} (any non-zero vector): warm starts make online estimates cheap. */
    public Estimate run(Curvature hvp, double[] start) {
        Checks.argument(start.length == hvp.dimension(), "start has " + start.length + " entries: it must have " + hvp.dimension());
        double norm = Vectors.norm(start);
        if (!(norm > 0) || !Double.isFinite(norm)) throw Checks.fail("start norm", norm, "must be > 0 and finite");
        double[] v = Vectors.scaled(1 / norm, start), history = new double[maxProducts];
        double theta = 0, residual = Double.POSITIVE_INFINITY;
        int k = 0;
        while (k < maxProducts) {
            double[] w = Vectors.product(hvp, v);
            theta = Vectors.dot(v, w);
            history[k++] = theta;
            double[] r = w.clone();
            Vectors.axpy(-theta, v, r);
            residual = Vectors.norm(r);
            double wn = Vectors.norm(w);
            if (residual <= tolerance * Math.abs(theta) || wn == 0) {
                return new Estimate(theta, v, k, true, residual, Arrays.copyOf(history, k));
            }
            v = Vectors.scaled(1 / wn, w);
        }
        return new Estimate(theta, v, k, false, residual, history);
    }
}
