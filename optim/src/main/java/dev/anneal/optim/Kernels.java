package dev.anneal.optim;

import dev.anneal.optim.kernel.AdamScalars;
import dev.anneal.optim.kernel.KernelImpl;

/**
 * The update rules over a slice {@code [off, off+len)} of flat float32 blocks, with PyTorch's operation order
 * (torch.optim 1.13, single-tensor path) so trajectories match it to float32 rounding. Scalars arrive already
 * reduced to float, as PyTorch casts Python scalars for float32 tensors.
 *
 * <p>They run the Vector API implementation when {@code jdk.incubator.vector} is loaded, else the scalar one; both
 * give the same bits ({@link KernelImpl}).
 */
public final class Kernels {
    private Kernels() {}

    /**
     * SGD with optional momentum, dampening, Nesterov and coupled (L2) weight decay:
     * {@code d = g + wd·p; buf = first ? d : mu·buf + (1−dampening)·d; p −= lr·(nesterov ? d + mu·buf : buf)};
     * with {@code momentum == 0} the buffer is not touched and may be null.
     */
    public static void sgd(float[] p, float[] g, float[] buf, int off, int len,
                           float lr, float momentum, float dampening, float weightDecay, boolean nesterov, boolean first) {
        KernelImpl.best().sgd(p, g, buf, off, len, lr, momentum, dampening, weightDecay, nesterov, first);
    }

    /**
     * Adam / AdamW: {@code p *= decoupledFactor} (AdamW's {@code 1 − lr·λ}, else 1); {@code g += wd·p} (Adam's L2);
     * {@code m = b1·m + (1−b1)·g; v = b2·v + (1−b2)·g²; p −= stepSize · m / (sqrt(v)/bc2Sqrt + eps)}
     * where the caller passes {@code stepSize = lr/(1−b1^t)} and {@code bc2Sqrt = sqrt(1−b2^t)} (both 1-corrected
     * when bias correction is off), all in {@link AdamScalars}.
     */
    public static void adam(float[] p, float[] g, float[] m, float[] v, int off, int len, AdamScalars s) {
        KernelImpl.best().adam(p, g, m, v, off, len, s);
    }
}
