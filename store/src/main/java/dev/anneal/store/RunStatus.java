package dev.anneal.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A run's state. RUNNING becomes FINISHED or FAILED by its recorder, or KILLED when a reader finds that its
 * heartbeat has expired (the process died without saying so).
 */
public enum RunStatus {
    RUNNING, FINISHED, FAILED, KILLED;

    /** The status named {@code name}, in any case; a clear error listing the statuses otherwise. */
    public static RunStatus of(String name) {
        for (RunStatus s : values()) {
            if (s.name().equalsIgnoreCase(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown run status '" + name + "': expected one of "
                + Arrays.stream(values()).map(s -> s.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }
}
