package dev.anneal.lab.train;

import dev.anneal.optim.Kernels;
import dev.anneal.schedule.Checks;

/** SGD with optional heavy-ball momentum (PyTorch's form: {@code buf = μ·buf + g; p −= lr·buf}). */
public final class Sgd implements Optimizer {
    private final float momentum;
    private final float[] buffer;
    private boolean first = true;

    public Sgd(int dimension, double momentum) {
        if (!(momentum >= 0 && momentum < 1)) throw Checks.fail("momentum", momentum, "must be in [0, 1)");
        this.momentum = (float) momentum;
        this.buffer = momentum == 0 ? null : new float[dimension];
    }

    /** Plain gradient descent. */
    public static Sgd plain(int dimension) {
        return new Sgd(dimension, 0);
    }

    @Override
    public void step(float[] p, float[] g, double lr) {
        step(p, g, lr, 0, p.length);
    }

    /** One update of the slice {@code [off, off+len)} only: a parameter group with its own rate. */
    public void step(float[] p, float[] g, double lr, int off, int len) {
        Kernels.sgd(p, g, buffer, off, len, (float) lr, momentum, 0f, 0f, false, first);
        first = false;
    }
}
