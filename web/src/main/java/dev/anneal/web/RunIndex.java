package dev.anneal.web;

import dev.anneal.store.Run;
import dev.anneal.store.RunFilter;
import dev.anneal.store.RunStore;

import java.time.Duration;
import java.util.List;

/**
 * Every run's summary, read from the store at most once per {@code maxAge}: the runs table sorts, filters and pages
 * 10,000 runs in memory instead of asking the database for each page, and 50 clients polling share one read.
 */
final class RunIndex {
    private final RunStore store;
    private final long maxAgeNanos;
    private List<Run> runs;
    private long readAt;

    RunIndex(RunStore store, Duration maxAge) {
        this.store = store;
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** All runs, newest first, at most {@code maxAge} old. */
    synchronized List<Run> runs() {
        long now = System.nanoTime();
        if (runs == null || now - readAt > maxAgeNanos) {
            runs = List.copyOf(store.list(RunFilter.all()));
            readAt = System.nanoTime();
        }
        return runs;
    }
}
