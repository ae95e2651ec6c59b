package dev.anneal.bench.optim;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import dev.anneal.schedule.Checks;

/**
 * Runs an element-wise kernel over {@code [0, n)} on {@code threads} threads, the calling thread and a fixed pool
 * of {@code threads − 1} daemon threads, split as {@link Split} says. Chunks start at multiples of {@link #ALIGN}
 * elements, so no two threads write the same cache line and vector loops stay aligned alike.
 */
public final class Parallel implements AutoCloseable {
    /** 64 floats: four 64-byte cache lines. */
    public static final int ALIGN = 64;
    /** 32K floats, 128 KB of each array: long enough for the hardware prefetchers, short enough to balance. */
    public static final int CHUNK = 32 * 1024;

    /** How {@code [0, n)} is shared out. */
    public enum Split {
        /**
         * Chunks of {@link #CHUNK} elements, taken in turn from a shared counter until none is left: a thread that
         * starts late (woken after the caller began) or is descheduled meanwhile takes fewer chunks instead of
         * holding up the step (docs/benchmarks.md, "Why two threads gained little").
         */
        CHUNKS,
        /** One contiguous slice per thread, each thread its own: the step lasts as long as the slowest thread. */
        SLICES
    }

    /** A kernel over the slice {@code [off, off + len)}. */
    @FunctionalInterface
    public interface Slice {
        void run(int off, int len);
    }

    private final int threads;
    private final Split split;
    private final ExecutorService pool;

    public Parallel(int threads) {
        this(threads, Split.CHUNKS);
    }

    public Parallel(int threads, Split split) {
        Checks.positive("threads", threads);
        this.threads = threads;
        this.split = split;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "anneal-kernel");
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code slice} over {@code [0, n)} and returns when every part is done. */
    public void run(int n, Slice slice) {
        run(n, split == Split.CHUNKS ? CHUNK : Math.ceilDiv(n, threads), slice);
    }

    /** As {@link #run(int, Slice)}, in chunks of {@code chunk} elements (rounded up to {@link #ALIGN}); no part is longer. */
    public void run(int n, int chunk, Slice slice) {
        Checks.positive("chunk", chunk);
        int size = Math.ceilDiv(chunk, ALIGN) * ALIGN;
        int chunks = Math.ceilDiv(n, size);
        if (pool == null || chunks == 1) {
            for (int off = 0; off < n; off += size) slice.run(off, Math.min(size, n - off));
            return;
        }
        int workers = Math.min(threads, chunks);
        Job job = new Job(n, size, chunks, slice, split == Split.SLICES ? workers : 0);
        for (int t = 1; t < workers; t++) {
            int thread = t;
            pool.execute(() -> job.work(thread));
        }
        job.work(0);
        job.await();
    }

    /** One run: the next chunk to take, the chunks done, and the first failure. */
    private static final class Job {
        private final int n, size, chunks, stride;
        private final Slice slice;
        private final AtomicInteger next = new AtomicInteger(), done = new AtomicInteger();
        private final Thread caller = Thread.currentThread();
        private volatile Throwable failure;

        /** {@code stride} 0: chunks shared; else thread t runs chunks t, t + stride, … ({@link Split#SLICES}). */
        Job(int n, int size, int chunks, Slice slice, int stride) {
            this.n = n;
            this.size = size;
            this.chunks = chunks;
            this.slice = slice;
            this.stride = stride;
        }

        void work(int thread) {
            for (int c = stride == 0 ? next.getAndIncrement() : thread; c < chunks; c = stride == 0 ? next.getAndIncrement() : c + stride) {
                try {
                    int off = c * size;
                    slice.run(off, Math.min(size, n - off));
                } catch (Throwable e) {
                    if (failure == null) failure = e;
                }
                if (done.incrementAndGet() == chunks && Thread.currentThread() != caller) LockSupport.unpark(caller);
            }
        }

        /** Waits for the chunks other threads took; a worker that never got one is not waited for. */
        void await() {
            for (int spins = 0; done.get() < chunks; spins++) {
                if (spins < 1000) Thread.onSpinWait();
                else LockSupport.parkNanos(this, 50_000);
            }
            if (failure != null) throw new IllegalStateException("a kernel thread failed: " + failure, failure);
        }
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }
}
