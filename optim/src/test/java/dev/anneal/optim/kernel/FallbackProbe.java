package dev.anneal.optim.kernel;

import dev.anneal.optim.Kernels;

import java.util.Arrays;

/** Run by {@link ScalarFallbackTest} in a JVM without the vector module: one SGD step through the public kernels. */
final class FallbackProbe {
    public static void main(String[] args) {
        float[] p = {1f, 2f}, g = {1f, 1f};
        Kernels.sgd(p, g, null, 0, 2, 0.5f, 0f, 0f, 0f, false, false);
        System.out.println("best=" + KernelImpl.best() + " p=" + Arrays.toString(p));
    }
}
