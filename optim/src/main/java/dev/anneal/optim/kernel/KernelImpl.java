package dev.anneal.optim.kernel;

/**
 * Which implementation of the update rules runs: the scalar reference, the Vector API one (same bits), or
 * {@link #AUTO}, the faster of the two per rule as measured by {@code anneal bench optim} and OptimizerBench: the
 * vector Adam where the Vector API is loaded, and the scalar SGD, whose simple loop C2 auto-vectorizes better than
 * the explicit version (docs/readme/grad.md). The vector class is loaded only when the incubating module
 * {@code jdk.incubator.vector} is in the boot layer ({@code --add-modules jdk.incubator.vector}, which the
 * {@code anneal} launcher adds for bench); without it AUTO is scalar throughout, with the same bits.
 */
public enum KernelImpl {
    SCALAR,
    VECTOR,
    AUTO;

    private static final boolean VECTOR_MODULE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    /** What {@link dev.anneal.optim.Kernels} runs. */
    public static KernelImpl best() {
        return AUTO;
    }

    /** Whether this JVM can run it. */
    public boolean available() {
        return this != VECTOR || VECTOR_MODULE;
    }

    /** Whether Adam runs the Vector API kernel. */
    boolean vectorAdam() {
        return this == VECTOR || this == AUTO && VECTOR_MODULE;
    }

    /** E.g. {@code vector (FloatVector 256-bit, 8 lanes)}, {@code scalar}, or AUTO's choice per rule. */
    public String describe() {
        String vector = VECTOR_MODULE ? "vector (" + VectorKernels.species() + ")" : "vector (jdk.incubator.vector not loaded)";
        return switch (this) {
            case SCALAR -> "scalar";
            case VECTOR -> vector;
            case AUTO -> "Adam " + (VECTOR_MODULE ? vector : "scalar") + ", SGD scalar (auto-vectorized by C2)";
        };
    }

    /** See {@link dev.anneal.optim.Kernels#sgd}. */
    public void sgd(float[] p, float[] g, float[] buf, int off, int len,
                    float lr, float momentum, float dampening, float weightDecay, boolean nesterov, boolean first) {
        if (this == VECTOR) VectorKernels.sgd(p, g, buf, off, len, lr, momentum, dampening, weightDecay, nesterov, first);
        else ScalarKernels.sgd(p, g, buf, off, len, lr, momentum, dampening, weightDecay, nesterov, first);
    }

    /** See {@link dev.anneal.optim.Kernels#adam}. */
    public void adam(float[] p, float[] g, float[] m, float[] v, int off, int len, AdamScalars s) {
        if (vectorAdam()) VectorKernels.adam(p, g, m, v, off, len, s);
        else ScalarKernels.adam(p, g, m, v, off, len, s);
    }
}
