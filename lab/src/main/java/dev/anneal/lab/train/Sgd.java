package dev.anneal.lab.train;

import dev.anneal.optim.Method;
import dev.anneal.optim.grad.Verdict;
import dev.anneal.schedule.Checks;

import java.util.Map;

/** optim's SGD, with optional heavy-ball momentum (PyTorch's form: {@code buf = μ·buf + g; p −= lr·buf}). */
public final class Sgd implements Optimizer {
    private final Bound bound;

    public Sgd(double momentum) {
        if (!(momentum >= 0 && momentum < 1)) throw Checks.fail("momentum", momentum, "must be in [0, 1)");
        bound = new Bound(Method.sgd(), Map.of("momentum", momentum));
    }

    /** Plain gradient descent. */
    public static Sgd plain() {
        return new Sgd(0);
    }

    @Override
    public Verdict step(float[] p, float[] g, double lr) {
        return bound.step(p, g, lr);
    }
}
