package dev.anneal.control;

/**
 * Hessian–vector products v ↦ H·v at the current parameters, for a symmetric H of size {@link #dimension()}: what a
 * curvature controller observes. {@code apply} returns a new array and leaves v unchanged. optim's
 * {@code curvature.Hvp} is one, with exact and finite-difference constructions.
 */
public interface Curvature {

    int dimension();

    double[] apply(double[] v);
}
