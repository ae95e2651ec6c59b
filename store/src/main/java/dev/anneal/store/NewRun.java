package dev.anneal.store;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What is known of a run when it starts. Build with {@link #of} and the {@code with…} methods:
 * <pre>{@code NewRun.of(RunKind.TRAIN, "mlp cosine").withSeed(7).withSchedule(specText).withConfig(Map.of("epochs", "3"))}</pre>
 *
 * @param config       the full configuration as flat key → value text (compare shows where two runs differ)
 * @param scheduleText the schedule set as its spec text; null when the run has none
 * @param seed         null when the run has no seed
 * @param parentId     the sweep a trial belongs to; null for none
 * @param codeVersion  Anneal's version (or the user's code's); null for unknown
 */
public record NewRun(RunKind kind, String name, SortedMap<String, String> config, String scheduleText, Long seed,
                     String parentId, String codeVersion) {
    public NewRun {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        config = new TreeMap<>(config);
        config.forEach((k, v) -> Objects.requireNonNull(v, () -> "config value of " + k));
    }

    public static NewRun of(RunKind kind, String name) {
        return new NewRun(kind, name, new TreeMap<>(), null, null, null, null);
    }

    /** This run with {@code entries} added to its configuration. */
    public NewRun withConfig(Map<String, String> entries) {
        SortedMap<String, String> c = new TreeMap<>(config);
        c.putAll(entries);
        return new NewRun(kind, name, c, scheduleText, seed, parentId, codeVersion);
    }

    public NewRun withSchedule(String text) {
        return new NewRun(kind, name, config, text, seed, parentId, codeVersion);
    }

    public NewRun withSeed(long value) {
        return new NewRun(kind, name, config, scheduleText, value, parentId, codeVersion);
    }

    public NewRun withParent(String runId) {
        return new NewRun(kind, name, config, scheduleText, seed, runId, codeVersion);
    }

    public NewRun withCodeVersion(String version) {
        return new NewRun(kind, name, config, scheduleText, seed, parentId, version);
    }
}
