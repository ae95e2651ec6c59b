package dev.anneal.lab.train;

import dev.anneal.optim.Kernels;
import dev.anneal.schedule.Checks;

/** Adam with bias correction (β1, β2, ε as in PyTorch's defaults unless given). */
public final class Adam implements Optimizer {
    private final float beta1, beta2, eps;
    private final float[] m, v;
    private long t;

    public Adam(int dimension, double beta1, double beta2, double eps) {
        if (!(beta1 >= 0 && beta1 < 1)) throw Checks.fail("beta1", beta1, "must be in [0, 1)");
        if (!(beta2 >= 0 && beta2 < 1)) throw Checks.fail("beta2", beta2, "must be in [0, 1)");
        Checks.positive("eps", eps);
        this.beta1 = (float) beta1;
        this.beta2 = (float) beta2;
        this.eps = (float) eps;
        m = new float[dimension];
        v = new float[dimension];
    }

    public Adam(int dimension) {
        this(dimension, 0.9, 0.999, 1e-8);
    }

    @Override
    public void step(float[] p, float[] g, double lr) {
        t++;
        float stepSize = (float) (lr / (1 - Math.pow(beta1, t)));
        float bc2Sqrt = (float) Math.sqrt(1 - Math.pow(beta2, t));
        Kernels.adam(p, g, m, v, 0, p.length, 1f, 0f, beta1, beta2, eps, stepSize, bc2Sqrt);
    }
}
