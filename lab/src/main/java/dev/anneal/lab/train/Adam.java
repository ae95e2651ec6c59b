package dev.anneal.lab.train;

import dev.anneal.optim.Method;

import java.util.Map;

/** optim's Adam with bias correction and PyTorch's defaults (β1 = 0.9, β2 = 0.999, ε = 1e-8). */
public final class Adam implements Optimizer {
    private final Bound bound = new Bound(Method.adam(), Map.of());

    @Override
    public void step(float[] p, float[] g, double lr) {
        bound.step(p, g, lr);
    }
}
