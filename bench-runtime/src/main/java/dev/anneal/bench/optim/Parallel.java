package dev.anneal.bench.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.anneal.schedule.Checks;

/**
 * Runs an element-wise kernel over {@code [0, n)} split into one contiguous slice per thread; the calling thread
 * takes the first slice, a fixed pool of {@code threads − 1} daemon threads the others. Slices start at multiples
 * of {@link #ALIGN} elements, so no two threads write the same cache line and vector loops stay aligned alike.
 */
public final class Parallel implements AutoCloseable {
    /** 64 floats: four 64-byte cache lines. */
    public static final int ALIGN = 64;

    /** A kernel over the slice {@code [off, off + len)}. */
    @FunctionalInterface
    public interface Slice {
        void run(int off, int len);
    }

    private final int threads;
    private final ExecutorService pool;

    public Parallel(int threads) {
        Checks.positive("threads", threads);
        this.threads = threads;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "anneal-kernel");
            t.setDaemon(true);
            return t;
        });
    }

    public int threads() {
        return threads;
    }

    /** Runs {@code slice} over {@code [0, n)} and returns when every part is done. */
    public void run(int n, Slice slice) {
        int chunk = Math.ceilDiv(Math.ceilDiv(n, threads), ALIGN) * ALIGN;
        if (pool == null || chunk >= n) {
            slice.run(0, n);
            return;
        }
        List<Future<?>> parts = new ArrayList<>(threads - 1);
        for (int off = chunk; off < n; off += chunk) {
            int from = off, len = Math.min(chunk, n - off);
            parts.add(pool.submit(() -> slice.run(from, len)));
        }
        slice.run(0, chunk);
        try {
            for (Future<?> f : parts) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for kernel threads", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a kernel thread failed", e.getCause());
        }
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }
}
