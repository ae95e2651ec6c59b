package dev.anneal.lab.train;

import dev.anneal.optimizer.Method;
import dev.anneal.optim.grad.Clipping;
import dev.anneal.optim.grad.GradConfig;
import dev.anneal.optim.grad.Verdict;
import dev.anneal.schedule.Checks;

import java.util.Map;

/**
 * optim's SGD, with optional heavy-ball momentum (PyTorch's form: {@code buf = μ·buf + g; p −= lr·buf}) or gradient
 * clipping.
 */
public final class Sgd implements Optimizer {
    private final Bound bound;

    public Sgd(double momentum) {
        this(momentum, Clipping.none());
    }

    private Sgd(double momentum, Clipping clipping) {
        if (!(momentum >= 0 && momentum < 1)) throw Checks.fail("momentum", momentum, "must be in [0, 1)");
        bound = new Bound(Method.SGD, Map.of("momentum", momentum), GradConfig.plain().withClipping(clipping));
    }

    /** Plain gradient descent. */
    public static Sgd plain() {
        return new Sgd(0);
    }

    /** Plain gradient descent on gradients clipped by optim's gradient pipeline. */
    public static Sgd clipped(Clipping clipping) {
        return new Sgd(0, clipping);
    }

    @Override
    public Verdict step(float[] p, float[] g, double lr) {
        return bound.step(p, g, lr);
    }
}
