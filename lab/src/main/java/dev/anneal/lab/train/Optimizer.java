package dev.anneal.lab.train;

/**
 * The update rule a study trains with, over optim's {@link dev.anneal.optim.Kernels}; the learning rate comes from a
 * schedule at each step. Each instance holds one run's state (momentum buffer, Adam moments, step count).
 */
public sealed interface Optimizer permits Sgd, Adam {
    /** Applies one update to {@code p} with gradient {@code g} at learning rate {@code lr}. */
    void step(float[] p, float[] g, double lr);
}
