package dev.anneal.lab.train;

import dev.anneal.optimizer.Method;
import dev.anneal.optim.grad.GradConfig;
import dev.anneal.optim.grad.Verdict;

import java.util.Map;

/** optim's Adam with bias correction and PyTorch's defaults (β1 = 0.9, β2 = 0.999, ε = 1e-8). */
public final class Adam implements Optimizer {
    private final Bound bound = new Bound(Method.ADAM, Map.of(), GradConfig.plain());

    @Override
    public Verdict step(float[] p, float[] g, double lr) {
        return bound.step(p, g, lr);
    }
}
