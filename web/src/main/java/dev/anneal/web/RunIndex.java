package dev.anneal.web;

import dev.anneal.store.Run;
import dev.anneal.store.RunFilter;
import dev.anneal.store.RunStore;

import java.time.Duration;
import java.util.List;

/**
 * Every run's summary, kept in memory: the runs table sorts, filters and pages 10,000 runs without asking the
 * database for each page. Once a snapshot is older than {@code maxAge}, the next request starts a fresh read on a
 * background thread and is answered from the snapshot it has (stale while revalidating): no request waits for the
 * store but the very first, which {@link #warm()} takes at start-up.
 */
final class RunIndex {
    private final RunStore store;
    private final long maxAgeNanos;
    private List<Run> runs;
    private long readAt;
    private boolean reading;

    RunIndex(RunStore store, Duration maxAge) {
        this.store = store;
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** Reads the first snapshot in the background, so that the first page does not wait for it. */
    void warm() {
        Thread.ofVirtual().name("anneal-run-index").start(this::runs);
    }

    /** All runs, newest first: at most {@code maxAge} old, or one read older while a fresh read is under way. */
    List<Run> runs() {
        synchronized (this) {
            if (runs != null) {
                if (System.nanoTime() - readAt > maxAgeNanos && !reading) {
                    reading = true;
                    Thread.ofVirtual().name("anneal-run-index").start(this::refresh);
                }
                return runs;
            }
        }
        return first();
    }

    /** The first read: every request waits for it (one reads, the others find it done). */
    private synchronized List<Run> first() {
        if (runs == null) {
            runs = List.copyOf(store.list(RunFilter.all()));
            readAt = System.nanoTime();
        }
        return runs;
    }

    private void refresh() {
        try {
            List<Run> fresh = List.copyOf(store.list(RunFilter.all()));
            synchronized (this) {
                runs = fresh;
                readAt = System.nanoTime();
            }
        } catch (RuntimeException e) {
            System.err.println("anneal serve: cannot refresh the runs: " + e.getMessage()); // the last snapshot stays
        } finally {
            synchronized (this) {
                reading = false;
            }
        }
    }
}
