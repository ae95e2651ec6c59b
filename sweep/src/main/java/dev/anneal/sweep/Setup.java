package dev.anneal.sweep;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything that decides a trial's result: the task and its parameters, the optimizer, the schedule set (name →
 * spec text, percentages of {@code total}), the record interval and the seed. Serializable: it travels to Spark's
 * executors.
 */
public record Setup(SortedMap<String, String> task, String optimizer, Map<String, String> schedules, long total,
                    int every, long seed) implements Serializable {
    public Setup {
        task = new TreeMap<>(task);
        schedules = new LinkedHashMap<>(schedules);
    }

    /** The schedule set as the YAML text of a schedule-set file ({@code anneal train --schedules} reads it). */
    public String scheduleSetYaml() {
        StringBuilder b = new StringBuilder("total: ").append(total).append("\ndefaults:\n");
        schedules.forEach((k, v) -> b.append("  ").append(k).append(": ").append(quoted(v)).append('\n'));
        return b.toString();
    }

    /** A number stays a YAML number (a constant); spec text is quoted. */
    private static String quoted(String v) {
        if (v.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) return v;
        return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The text a trial's id hashes: its setup and its budget. */
    String canonical(long budget) {
        return "task=" + task + "|optimizer=" + optimizer + "|schedules=" + schedules + "|total=" + total + "|every="
                + every + "|seed=" + seed + "|budget=" + budget;
    }
}
