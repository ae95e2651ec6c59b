package dev.anneal.store;

import java.time.Instant;

/**
 * Which runs {@link RunStore#list} returns, newest first. Null fields match everything; build with
 * {@link #all()} and the {@code with…} methods.
 *
 * @param nameContains a substring of the name (case-sensitive)
 * @param since        runs started at or after this instant
 * @param until        runs started before this instant
 * @param limit        at most this many runs (0: no limit)
 */
public record RunFilter(RunKind kind, RunStatus status, String nameContains, Instant since, Instant until,
                        String parentId, int limit) {
    public RunFilter {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be ≥ 0, got " + limit);
        }
    }

    public static RunFilter all() {
        return new RunFilter(null, null, null, null, null, null, 0);
    }

    public RunFilter withKind(RunKind k) {
        return new RunFilter(k, status, nameContains, since, until, parentId, limit);
    }

    public RunFilter withStatus(RunStatus s) {
        return new RunFilter(kind, s, nameContains, since, until, parentId, limit);
    }

    public RunFilter withNameContaining(String text) {
        return new RunFilter(kind, status, text, since, until, parentId, limit);
    }

    public RunFilter withSince(Instant t) {
        return new RunFilter(kind, status, nameContains, t, until, parentId, limit);
    }

    public RunFilter withUntil(Instant t) {
        return new RunFilter(kind, status, nameContains, since, t, parentId, limit);
    }

    public RunFilter withParent(String runId) {
        return new RunFilter(kind, status, nameContains, since, until, runId, limit);
    }

    public RunFilter withLimit(int n) {
        return new RunFilter(kind, status, nameContains, since, until, parentId, n);
    }
}
