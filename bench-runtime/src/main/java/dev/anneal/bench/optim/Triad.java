package dev.anneal.bench.optim;

/** STREAM's triad, the yardstick for memory bandwidth: {@code a[i] = b[i] + s·c[i]} (a multiply and an add, not fused). */
public final class Triad {
    private Triad() {}

    public static void run(float[] a, float[] b, float[] c, float s, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) a[i] = b[i] + s * c[i];
    }
}
