package dev.anneal.bench.optim;

import dev.anneal.optim.kernel.AdamScalars;
import dev.anneal.optim.kernel.KernelImpl;
import dev.anneal.schedule.Checks;

import java.util.SplittableRandom;

/**
 * One benchmark workload: an AdamW or SGD-with-momentum update over float32 arrays (those of a real step), run as
 * one of three {@link Loop}s whose rates give the update's roofline. {@link #step} runs it once; {@link #elements}
 * says how many parameters one step updates.
 */
public final class Workload {

    /** The update rule, and the bytes per parameter it moves to and from memory. */
    public enum Rule {
        /** Reads p, g, m, v; writes p, m, v. */
        ADAMW("AdamW", 28),
        /** Reads p, g, buf; writes p, buf. */
        SGD_MOMENTUM("SGD-momentum", 20);

        private final String label;
        private final int bytes;

        Rule(String label, int bytes) {
            this.label = label;
            this.bytes = bytes;
        }

        public String label() {
            return label;
        }

        /** Bytes per parameter (every array written is also read, so no write-allocate extra). */
        public int bytes() {
            return bytes;
        }
    }

    /** What runs over the arrays. */
    public enum Loop {
        /** The update itself. */
        UPDATE,
        /** The memory bound: the update's reads and writes with an add in place of its arithmetic. */
        PATTERN,
        /**
         * The compute bound: the update over {@link #CACHE_PASSES} times {@link #CACHE_SIZE} parameters that wrap
         * onto {@link #CACHE_SIZE} real ones (AdamW's four arrays: 512 KB, in L2 or L3), in chunks of
         * {@link #CACHE_BLOCK} that the threads share out as they do the update's. Each thread updates arrays of
         * its own: shared ones would bounce their cache lines between the cores' caches, and measure that instead.
         */
        IN_CACHE
    }

    /** Parameters per chunk of {@link Loop#IN_CACHE}. */
    public static final int CACHE_BLOCK = 4 * 1024;
    /** Parameters of {@link Loop#IN_CACHE}'s arrays: eight blocks. */
    public static final int CACHE_SIZE = 8 * CACHE_BLOCK;
    /** Passes over {@link #CACHE_SIZE} per step of {@link Loop#IN_CACHE}. */
    public static final int CACHE_PASSES = 256;

    private final Rule rule;
    private final Loop loop;
    private final KernelImpl impl;
    private final int n;
    private final float[] p, g, m, v;
    private final ThreadLocal<float[][]> own; // IN_CACHE: each thread's copy of p, g, m, v
    private long steps;

    /** {@code loop} of {@code rule} over {@code n} parameters ({@link Loop#IN_CACHE}: over {@link #CACHE_SIZE}, whatever {@code n}). */
    public Workload(Rule rule, Loop loop, int n, KernelImpl impl) {
        Checks.positive("n", n);
        Checks.argument(impl.available(), "the " + impl.describe() + " kernels need jdk.incubator.vector: run with --add-modules jdk.incubator.vector");
        this.rule = rule;
        this.loop = loop;
        this.impl = impl;
        this.n = loop == Loop.IN_CACHE ? CACHE_SIZE : n;
        SplittableRandom random = new SplittableRandom(n);
        p = filled(this.n, random, 1f);
        g = filled(this.n, random, 0.01f);
        m = filled(this.n, random, 0.01f);
        v = rule == Rule.ADAMW ? filled(this.n, random, 1e-4f) : null;
        if (v != null) for (int i = 0; i < this.n; i++) v[i] = Math.abs(v[i]);   // the second moment is >= 0
        own = loop == Loop.IN_CACHE
                ? ThreadLocal.withInitial(() -> new float[][] {p.clone(), g.clone(), m.clone(), v == null ? null : v.clone()})
                : null;
    }

    private static float[] filled(int n, SplittableRandom random, float magnitude) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (random.nextDouble(-1, 1) * magnitude);
        return x;
    }

    /** Parameters updated by one {@link #step}. */
    public long elements() {
        return loop == Loop.IN_CACHE ? (long) n * CACHE_PASSES : n;
    }

    /** One step, split over {@code parallel}'s threads. */
    public void step(Parallel parallel) {
        steps++;
        // AdamW with lr 1e-3, λ 0.01, step t = steps (the bias corrections change every step, as in training)
        AdamScalars s = rule == Rule.ADAMW ? AdamScalars.of(1e-3, 0.01, true, 0.9, 0.999, 1e-8, Math.min(steps, 1000), true) : null;
        switch (loop) {
            case UPDATE -> parallel.run(n, (off, len) -> update(s, p, g, m, v, off, len));
            case PATTERN -> parallel.run(n, (off, len) -> pattern(off, len));
            case IN_CACHE -> parallel.run(n * CACHE_PASSES, CACHE_BLOCK, (off, len) -> {
                float[][] a = own.get();
                update(s, a[0], a[1], a[2], a[3], off % n, len);
            });
        }
    }

    private void update(AdamScalars s, float[] p, float[] g, float[] m, float[] v, int off, int len) {
        if (rule == Rule.ADAMW) impl.adam(p, g, m, v, off, len, s);
        else impl.sgd(p, g, m, off, len, 1e-3f, 0.9f, 0f, 0f, false, false);
    }

    /** The update's memory traffic: every array it reads is read, every array it writes is written, one add each. */
    private void pattern(int off, int len) {
        if (rule == Rule.ADAMW) Patterns.adamw(p, g, m, v, off, len);
        else Patterns.sgdMomentum(p, g, m, off, len);
    }

    /** A value that depends on every element written (the calling thread's copy, in cache), so no benchmark can skip the work. */
    public float checksum() {
        float[] p = own == null ? this.p : own.get()[0], m = own == null ? this.m : own.get()[2];
        float s = 0;
        for (int i = 0; i < n; i += 4096) s += p[i] + m[i];
        return s;
    }
}
