package dev.anneal.store;

import java.time.Duration;

/**
 * How a recorder shows that its process is alive: it renews the run's heartbeat every {@code heartbeat}; a reader
 * that finds a RUNNING run whose heartbeat is older than {@code lease} marks it KILLED. The lease is stored with the
 * run, so every reader judges a run by its own writer's terms.
 */
public record Liveness(Duration heartbeat, Duration lease) {
    /** Heartbeat every 2 s; killed after 30 s of silence (a long GC pause or a busy disk is not a death). */
    public static final Liveness DEFAULT = new Liveness(Duration.ofSeconds(2), Duration.ofSeconds(30));

    public Liveness {
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("heartbeat must be > 0, got " + heartbeat);
        }
        if (lease.compareTo(heartbeat.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("lease must be at least two heartbeats (" + heartbeat.multipliedBy(2)
                    + "), got " + lease);
        }
    }
}
