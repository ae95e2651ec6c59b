package dev.anneal.bench.optim;

/**
 * Memory-only loops with the access pattern of an update rule: the same arrays read and written in the same
 * order, an add in place of the arithmetic. C2 vectorizes these simple loops itself; what limits them is memory.
 */
final class Patterns {
    private Patterns() {}

    /** AdamW's traffic: reads p, g, m, v; writes p, m, v. */
    static void adamw(float[] p, float[] g, float[] m, float[] v, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) {
            float gi = g[i];
            m[i] += gi;
            v[i] += gi;
            p[i] += gi;
        }
    }

    /** SGD-momentum's traffic: reads p, g, buf; writes p, buf. */
    static void sgdMomentum(float[] p, float[] g, float[] buf, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) {
            float gi = g[i];
            buf[i] += gi;
            p[i] += gi;
        }
    }
}
