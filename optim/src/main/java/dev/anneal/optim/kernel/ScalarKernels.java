package dev.anneal.optim.kernel;

/**
 * The reference update rules, one element at a time, in PyTorch 1.13's operation order (see
 * {@link dev.anneal.optim.Kernels} for the formulas). The vector kernels must give the same bits.
 */
final class ScalarKernels {
    private ScalarKernels() {}

    static void sgd(float[] p, float[] g, float[] buf, int off, int len,
                    float lr, float momentum, float dampening, float weightDecay, boolean nesterov, boolean first) {
        if (momentum != 0f && !first && !nesterov && weightDecay == 0f) {
            // The common case as a branch-free loop, the same operations in the same order: C2 vectorizes it whole.
            float undamped = 1f - dampening;
            for (int i = off, end = off + len; i < end; i++) {
                float b = momentum * buf[i] + undamped * g[i];
                buf[i] = b;
                p[i] -= lr * b;
            }
            return;
        }
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

    static void adam(float[] p, float[] g, float[] m, float[] v, int off, int len, AdamScalars s) {
        for (int i = off, end = off + len; i < end; i++) {
            float w = s.decoupledFactor() != 1f ? p[i] * s.decoupledFactor() : p[i];
            float d = s.weightDecay() != 0f ? g[i] + s.weightDecay() * w : g[i];
            float mi = m[i] * s.beta1() + s.oneMinusBeta1() * d;
            float vi = v[i] * s.beta2() + s.oneMinusBeta2() * d * d;
            m[i] = mi;
            v[i] = vi;
            p[i] = w - s.stepSize() * (mi / ((float) Math.sqrt(vi) / s.bc2Sqrt() + s.eps()));
        }
    }
}
