package dev.anneal.lab.train;

import dev.anneal.optim.grad.Verdict;

/**
 * The update rule a study trains with: optim's {@link dev.anneal.optim.Optimizer}, fed the learning rate of each
 * step. Each instance is one run's state (momentum buffer, Adam moments, step count) over one parameter vector.
 */
public sealed interface Optimizer permits Sgd, Adam {
    /**
     * Applies one update to {@code p} with gradient {@code g} at learning rate {@code lr}. Returns optim's verdict on the
     * gradient: its norm, or a skip (nothing changed) when a gradient value was not finite.
     */
    Verdict step(float[] p, float[] g, double lr);
}
