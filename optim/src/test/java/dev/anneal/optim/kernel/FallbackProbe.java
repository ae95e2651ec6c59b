package dev.anneal.optim.kernel;

import dev.anneal.optim.Kernels;

import java.util.Arrays;

/** Run by {@link ScalarFallbackTest} in a JVM without the vector module: one SGD step through the public kernels. */
final class FallbackProbe {
    public static void main(String[] args) {
        float[] p = {1f, 2f}, g = {1f, 1f};
        Kernels.sgd(p, g, null, 0, 2, 0.5f, 0f, 0f, 0f, false, false);
        float[] m = {0f, 0f}, v = {0f, 0f};
        Kernels.adam(p, g, m, v, 0, 2, AdamScalars.of(1, 0, false, 0.9, 0.999, 1e-8, 1, false));
        System.out.println("vector=" + KernelImpl.VECTOR.available() + " p=" + Arrays.toString(p) + " " + KernelImpl.best().describe());
    }
}
