package dev.anneal.sweep;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Trials on a pool of {@code workers} threads in this JVM. */
public final class LocalEngine implements Engine {
    private final int workers;
    private final ExecutorService pool;

    public LocalEngine(int workers) {
        if (workers < 1) throw new IllegalArgumentException("workers (" + workers + ") must be >= 1");
        this.workers = workers;
        this.pool = daemons(workers, "sweep-worker");
    }

    /** {@code n} daemon threads named {@code name}: an abandoned sweep (Ctrl-C) must not keep the JVM alive. */
    public static ExecutorService daemons(int n, String name) {
        return Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public int workers() {
        return workers;
    }

    @Override
    public CompletableFuture<Outcome> submit(Job job) {
        return CompletableFuture.supplyAsync(job::run, pool);
    }

    @Override
    public String describe() {
        return "local, " + workers + (workers == 1 ? " worker" : " workers");
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
