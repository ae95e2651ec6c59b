package dev.anneal.optim.curvature;

/** ∇L(x): a new array, x left unchanged. */
@FunctionalInterface
public interface Gradient {
    double[] at(double[] x);
}
