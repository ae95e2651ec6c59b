package dev.anneal.lab.task;

/** A task that knows its curvature: exact Hessian–vector products and the largest Hessian eigenvalue. */
public interface Curved extends Task {
    /** Writes {@code H(x)·v} into {@code out}. */
    void hvp(float[] x, float[] v, float[] out);

    /** The largest eigenvalue of the Hessian at {@code x}. */
    double lambdaMax(float[] x);
}
