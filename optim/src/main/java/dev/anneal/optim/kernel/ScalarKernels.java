package dev.anneal.optim.kernel;

/**
 * The reference update rules, one element at a time, in PyTorch 1.13's operation order (see
 * {@link dev.anneal.optim.Kernels} for the formulas). The vector kernels must give the same bits.
 */
final class ScalarKernels {
    private ScalarKernels() {}

    static void sgd(float[] p, float[] g, float[] buf, int off, int len,
                    float lr, float momentum, float dampening, float weightDecay, boolean nesterov, boolean first) {
        for (int i = off, end = off + len; i < end; i++) {
            float d = weightDecay != 0f ? g[i] + weightDecay * p[i] : g[i];
            if (momentum != 0f) {
                float b = first ? d : momentum * buf[i] + (1f - dampening) * d;
                buf[i] = b;
                d = nesterov ? d + momentum * b : b;
            }
            p[i] -= lr * d;
        }
    }

    static void adam(float[] p, float[] g, float[] m, float[] v, int off, int len,
                     float decoupledFactor, float weightDecay, float beta1, float beta2, float eps,
                     float stepSize, float bc2Sqrt) {
        for (int i = off, end = off + len; i < end; i++) {
            float w = decoupledFactor != 1f ? p[i] * decoupledFactor : p[i];
            float d = weightDecay != 0f ? g[i] + weightDecay * w : g[i];
            float mi = m[i] * beta1 + (1f - beta1) * d;
            float vi = v[i] * beta2 + (1f - beta2) * d * d;
            m[i] = mi;
            v[i] = vi;
            p[i] = w - stepSize * (mi / ((float) Math.sqrt(vi) / bc2Sqrt + eps));
        }
    }
}
