package dev.anneal.optim.kernel;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vector kernels give the scalar reference's bits, element for element, for every switch (momentum, dampening,
 * Nesterov, weight decay, first step; decoupled and L2 decay), at offsets and lengths that leave scalar tails, over
 * several steps so state feeds back. Tests run with jdk.incubator.vector loaded (parent POM argLine).
 */
class VectorKernelsTest {

    @Test
    void vectorModule_isLoadedInTests_soAutoRunsTheVectorAdam() {
        assertThat(KernelImpl.VECTOR.available()).isTrue();
        assertThat(KernelImpl.best()).isEqualTo(KernelImpl.AUTO);
        assertThat(KernelImpl.AUTO.vectorAdam()).isTrue();
        assertThat(KernelImpl.VECTOR.describe()).matches("vector \\(FloatVector \\d+-bit, \\d+ lanes\\)");
    }

    @Test
    void sgd_commonCaseLoop_equalsScalar() {
        // momentum, not first, no Nesterov, no weight decay: the specialised vector loop
        SplittableRandom r = new SplittableRandom(7);
        float[] p = random(r, 203, 1), g = random(r, 203, 10), buf = random(r, 203, 1);
        float[] p2 = p.clone(), buf2 = buf.clone();
        ScalarKernels.sgd(p, g, buf, 1, 200, 0.05f, 0.9f, 0.25f, 0f, false, false);
        VectorKernels.sgd(p2, g, buf2, 1, 200, 0.05f, 0.9f, 0.25f, 0f, false, false);
        assertThat(bits(p2)).isEqualTo(bits(p));
        assertThat(bits(buf2)).isEqualTo(bits(buf));
    }

    @Property(tries = 300)
    void sgd_vectorEqualsScalar_bitForBit(@ForAll @IntRange(min = 0, max = 300) int len, @ForAll @IntRange(min = 0, max = 17) int off,
                                          @ForAll boolean momentum, @ForAll boolean dampening, @ForAll boolean nesterov,
                                          @ForAll boolean decay, @ForAll long seed) {
        int n = off + len + 5;
        SplittableRandom r = new SplittableRandom(seed);
        float[] p = random(r, n, 1), g = random(r, n, 10), buf = random(r, n, 1);
        float[] p2 = p.clone(), buf2 = buf.clone();
        float mu = momentum ? 0.9f : 0f, damp = dampening ? 0.1f : 0f, wd = decay ? 0.01f : 0f;
        for (int step = 0; step < 3; step++) {
            ScalarKernels.sgd(p, g, buf, off, len, 0.05f, mu, damp, wd, nesterov && momentum, step == 0);
            VectorKernels.sgd(p2, g, buf2, off, len, 0.05f, mu, damp, wd, nesterov && momentum, step == 0);
        }
        assertThat(bits(p2)).isEqualTo(bits(p));
        assertThat(bits(buf2)).isEqualTo(bits(buf));
    }

    @Property(tries = 300)
    void adam_vectorEqualsScalar_bitForBit(@ForAll @IntRange(min = 0, max = 300) int len, @ForAll @IntRange(min = 0, max = 17) int off,
                                           @ForAll boolean decoupled, @ForAll boolean l2, @ForAll long seed) {
        int n = off + len + 5;
        SplittableRandom r = new SplittableRandom(seed);
        float[] p = random(r, n, 1), g = random(r, n, 10), m = new float[n], v = new float[n];
        float[] p2 = p.clone(), m2 = m.clone(), v2 = v.clone();
        for (int t = 1; t <= 4; t++) {
            AdamScalars s = AdamScalars.of(1e-3, decoupled || l2 ? 0.01 : 0, decoupled, 0.9, 0.999, 1e-8, t, true);
            for (int i = 0; i < n; i++) g[i] = (float) r.nextDouble(-10, 10);
            ScalarKernels.adam(p, g, m, v, off, len, s);
            VectorKernels.adam(p2, g, m2, v2, off, len, s);
        }
        assertThat(bits(p2)).isEqualTo(bits(p));
        assertThat(bits(m2)).isEqualTo(bits(m));
        assertThat(bits(v2)).isEqualTo(bits(v));
    }

    @Test
    void adam_extremeValues_sameBits() {
        // subnormal, huge, zero gradients and v: sqrt(0)/bc2 + eps, and overflow to inf, must agree too
        float[] g = {0f, Float.MIN_VALUE, 1e-30f, 3e38f, -3e38f, 1e20f, -0f, 1f, 1e-45f, 2f, 5e18f, 7f, 1e-20f, 4f, 8f, 9f, 1f};
        int n = g.length;
        float[] p = new float[n], m = new float[n], v = new float[n];
        for (int i = 0; i < n; i++) p[i] = i - 8;
        float[] p2 = p.clone(), m2 = m.clone(), v2 = v.clone();
        AdamScalars s = new AdamScalars(0.99f, 0f, 0.9f, 0.1f, 0.999f, 0.001f, 1e-8f, 0.01f, 0.0316f);
        ScalarKernels.adam(p, g, m, v, 0, n, s);
        VectorKernels.adam(p2, g, m2, v2, 0, n, s);
        assertThat(bits(p2)).isEqualTo(bits(p));
        assertThat(bits(v2)).isEqualTo(bits(v));
    }

    @Test
    void sgd_outsideTheSlice_untouched() {
        float[] p = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20};
        float[] g = new float[20];
        java.util.Arrays.fill(g, 1f);
        VectorKernels.sgd(p, g, null, 3, 12, 0.5f, 0f, 0f, 0f, false, false);
        for (int i = 0; i < 20; i++) assertThat(p[i]).as("index %d", i).isEqualTo(i >= 3 && i < 15 ? i + 1 - 0.5f : i + 1);
    }

    private static float[] random(SplittableRandom r, int n, double scale) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) r.nextDouble(-scale, scale);
        return x;
    }

    private static int[] bits(float[] x) {
        int[] out = new int[x.length];
        for (int i = 0; i < x.length; i++) out[i] = Float.floatToRawIntBits(x[i]);
        return out;
    }
}
