package dev.anneal.sweep;

import java.util.concurrent.CompletableFuture;

/**
 * Where trials run. The sweep's driver submits one job per trial and records what comes back; an engine only runs
 * {@link Job#run()} somewhere ({@link LocalEngine}: a thread pool; the spark module: Spark tasks). A job whose worker
 * failed completes exceptionally; the driver retries it.
 */
public interface Engine extends AutoCloseable {
    /** How many trials run at once. */
    int workers();

    CompletableFuture<Outcome> submit(Job job);

    /** A few words for the progress line and the store: "local, 2 workers". */
    String describe();

    @Override
    void close();
}
