package dev.anneal.store;

import java.time.Duration;
import java.time.Instant;
import java.util.SortedMap;

/**
 * A recorded run as read from the store.
 *
 * @param endedAt      null while RUNNING; for KILLED, the last heartbeat
 * @param seed         null when the run had none
 * @param scheduleText null when the run had no schedule set; {@code scheduleHash} is its SHA-256 in hex
 * @param parentId     the sweep this run belongs to, or null
 * @param metrics      final metrics (name → value), recorded at any time by {@link Recorder#metric}
 * @param message      why a run FAILED (or null)
 */
public record Run(String id, RunKind kind, String name, RunStatus status, Instant startedAt, Instant endedAt,
                  Instant heartbeatAt, String codeVersion, String host, Long seed, SortedMap<String, String> config,
                  String scheduleText, String scheduleHash, String parentId, SortedMap<String, Double> metrics,
                  String message) {

    /** Wall time from start to end, or to the last heartbeat while running. */
    public Duration duration() {
        return Duration.between(startedAt, endedAt != null ? endedAt : heartbeatAt);
    }
}
