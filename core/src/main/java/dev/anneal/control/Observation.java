package dev.anneal.control;

/**
 * What the training loop measured at one step; a controller reads the fields it needs and rejects a missing one.
 *
 * @param metric   the monitored metric (a validation loss), NaN if not measured
 * @param gradNorm the gradient norm, NaN if not measured
 * @param hvp      Hessian–vector products at the current parameters, null if not available
 */
public record Observation(double metric, double gradNorm, Curvature hvp) {

    public static Observation metric(double metric) {
        return new Observation(metric, Double.NaN, null);
    }

    public static Observation gradNorm(double gradNorm) {
        return new Observation(Double.NaN, gradNorm, null);
    }

    public static Observation curvature(Curvature hvp) {
        return new Observation(Double.NaN, Double.NaN, hvp);
    }
}
