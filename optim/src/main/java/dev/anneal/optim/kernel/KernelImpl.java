package dev.anneal.optim.kernel;

/**
 * Which implementation of the update rules runs: the scalar reference, or the Vector API one (same bits, faster
 * where the loop is not bound by memory). {@link #best()} is {@code VECTOR} when the incubating module
 * {@code jdk.incubator.vector} is in the boot layer ({@code --add-modules jdk.incubator.vector}, which the
 * {@code anneal} launcher adds for bench, train, find-lr and lab), else {@code SCALAR}; the vector class is never
 * loaded without the module.
 */
public enum KernelImpl {
    SCALAR,
    VECTOR;

    private static final boolean VECTOR_MODULE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    private static final KernelImpl BEST = VECTOR_MODULE ? VECTOR : SCALAR;

    /** The fastest implementation this JVM can run. */
    public static KernelImpl best() {
        return BEST;
    }

    /** Whether this JVM can run it. */
    public boolean available() {
        return this == SCALAR || VECTOR_MODULE;
    }

    /** E.g. {@code vector (FloatVector 256-bit, 8 lanes)} or {@code scalar}. */
    public String describe() {
        return this == VECTOR && VECTOR_MODULE ? "vector (" + VectorKernels.species() + ")" : name().toLowerCase();
    }

    /** See {@link dev.anneal.optim.Kernels#sgd}. */
    public void sgd(float[] p, float[] g, float[] buf, int off, int len,
                    float lr, float momentum, float dampening, float weightDecay, boolean nesterov, boolean first) {
        if (this == VECTOR) VectorKernels.sgd(p, g, buf, off, len, lr, momentum, dampening, weightDecay, nesterov, first);
        else ScalarKernels.sgd(p, g, buf, off, len, lr, momentum, dampening, weightDecay, nesterov, first);
    }

    /** See {@link dev.anneal.optim.Kernels#adam}. */
    public void adam(float[] p, float[] g, float[] m, float[] v, int off, int len,
                     float decoupledFactor, float weightDecay, float beta1, float beta2, float eps,
                     float stepSize, float bc2Sqrt) {
        if (this == VECTOR) VectorKernels.adam(p, g, m, v, off, len, decoupledFactor, weightDecay, beta1, beta2, eps, stepSize, bc2Sqrt);
        else ScalarKernels.adam(p, g, m, v, off, len, decoupledFactor, weightDecay, beta1, beta2, eps, stepSize, bc2Sqrt);
    }
}
