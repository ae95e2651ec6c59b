package dev.anneal.bench.optim;

import dev.anneal.optim.kernel.AdamScalars;
import dev.anneal.optim.kernel.KernelImpl;
import dev.anneal.schedule.Checks;

import java.util.SplittableRandom;

/**
 * One benchmark workload over {@code n} float32 elements: an AdamW or SGD-with-momentum update of {@code n}
 * parameters (the arrays and settings of a real step), or the STREAM triad {@code a[i] = b[i] + s·c[i]} that
 * measures the memory bandwidth the updates are compared with. {@link #step} runs it once over all elements.
 */
public final class Workload {

    /** What runs, and how many bytes per element it moves to and from memory. */
    public enum Kind {
        /** STREAM's triad: reads b and c, writes a. 12 bytes as STREAM counts; 16 with the read of a that a write-allocate cache adds. */
        TRIAD("triad", 12),
        /** AdamW: reads p, g, m, v; writes p, m, v (every written array is also read, so no write-allocate extra). */
        ADAMW("AdamW", 28),
        /** SGD with momentum: reads p, g, buf; writes p, buf. */
        SGD_MOMENTUM("SGD-momentum", 20);

        private final String label;
        private final int bytes;

        Kind(String label, int bytes) {
            this.label = label;
            this.bytes = bytes;
        }

        public String label() {
            return label;
        }

        /** Bytes moved per element, as STREAM counts (writes once, no write-allocate read). */
        public int bytes() {
            return bytes;
        }
    }

    /** Triad bytes per element counting the write-allocate read of {@code a}: what the hardware actually moves. */
    public static final int TRIAD_BYTES_WRITE_ALLOCATE = 16;

    private final Kind kind;
    private final KernelImpl impl;
    private final int n;
    private final float[] a, b, c, d;
    private long steps;

    public Workload(Kind kind, int n, KernelImpl impl) {
        Checks.positive("n", n);
        Checks.state(impl.available(), "the " + impl.describe() + " kernels need jdk.incubator.vector: run with --add-modules jdk.incubator.vector");
        this.kind = kind;
        this.impl = impl;
        this.n = n;
        SplittableRandom random = new SplittableRandom(n);
        a = filled(n, random, 1f);
        b = filled(n, random, 1f);
        c = filled(n, random, kind == Kind.TRIAD ? 1f : 0.01f);
        d = kind == Kind.ADAMW ? filled(n, random, 1e-4f) : null;
        if (d != null) for (int i = 0; i < n; i++) d[i] = Math.abs(d[i]);   // v, the second moment, is >= 0
    }

    private static float[] filled(int n, SplittableRandom random, float magnitude) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (random.nextDouble(-1, 1) * magnitude);
        return x;
    }

    public Kind kind() {
        return kind;
    }

    public int size() {
        return n;
    }

    /** One pass over every element, split over {@code parallel}'s threads. */
    public void step(Parallel parallel) {
        steps++;
        switch (kind) {
            case TRIAD -> parallel.run(n, (off, len) -> Triad.run(a, b, c, 3f, off, len));
            // AdamW with lr 1e-3, λ 0.01, step t = steps (the bias corrections change every step, as in training)
            case ADAMW -> {
                AdamScalars s = AdamScalars.of(1e-3, 0.01, true, 0.9, 0.999, 1e-8, Math.min(steps, 1000), true);
                parallel.run(n, (off, len) -> impl.adam(a, b, c, d, off, len, s));
            }
            case SGD_MOMENTUM -> parallel.run(n, (off, len) -> impl.sgd(a, b, c, off, len, 1e-3f, 0.9f, 0f, 0f, false, false));
        }
    }

    /** A value that depends on every element written, so no benchmark can skip the work. */
    public float checksum() {
        float s = 0;
        for (int i = 0; i < n; i += 4096) s += a[i];
        return s;
    }
}
