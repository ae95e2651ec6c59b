package dev.anneal.optim;

import dev.anneal.schedule.Schedule;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Hyperparameter schedules by parameter group: {@code group → name → Schedule}, resolved and validated. Every
 * hyperparameter (lr, momentum, beta1, …, or any extra a caller names: dropout, temperature, …) is a constant, a
 * schedule, or a spec that may refer to other hyperparameters of the set by name: {@code lr} in the same group,
 * {@code head.lr} in group {@code head}, e.g. {@code rescale(counter(lr), min=0.85, max=0.95)} or
 * {@code shift(head.lr, -100)}. Definitions under {@code defaults} apply to every group that does not override
 * them, each in that group's scope. Cycles are rejected, naming the cycle.
 *
 * <p>Built with {@link #builder()} or read from YAML/JSON with {@link #read(Path)} / {@link #parse(String)}.
 */
public final class ScheduleSet {
    private final Map<String, Map<String, Schedule>> groups;

    ScheduleSet(Map<String, Map<String, Schedule>> groups) {
        Map<String, Map<String, Schedule>> copy = new LinkedHashMap<>();
        groups.forEach((g, h) -> copy.put(g, Collections.unmodifiableMap(new LinkedHashMap<>(h))));
        this.groups = Collections.unmodifiableMap(copy);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads a set from a {@code .yaml}, {@code .yml} or {@code .json} file (see {@code docs/readme/optim.md}). */
    public static ScheduleSet read(Path file) throws IOException {
        return ScheduleSetFile.read(file, b -> { });
    }

    /**
     * Reads a set for a run of {@code total} steps: percentages refer to it unless the file gives its own
     * {@code total}, which must then agree.
     */
    public static ScheduleSet read(Path file, long total) throws IOException {
        if (total <= 0) throw new ScheduleSetException("total", "total (" + total + ") must be > 0");
        return ScheduleSetFile.read(file, b -> b.total(total));
    }

    /** Reads a set from YAML text (JSON is accepted too). */
    public static ScheduleSet parse(String yaml) {
        return ScheduleSetFile.parse(yaml, b -> { });
    }

    /**
     * Reads a set from YAML text, then lets {@code more} add definitions before references resolve: a command
     * line's {@code total}, or an lr it gives, that the file's definitions may refer to.
     */
    public static ScheduleSet parse(String yaml, Consumer<Builder> more) {
        return ScheduleSetFile.parse(yaml, more);
    }

    /** Group names, in the order they were defined. */
    public List<String> groups() {
        return List.copyOf(groups.keySet());
    }

    /** A group's hyperparameters by name, in definition order (defaults first). */
    public Map<String, Schedule> group(String name) {
        Map<String, Schedule> g = groups.get(name);
        if (g == null) throw new IllegalArgumentException("group (" + name + ") must be one of " + groups.keySet());
        return g;
    }

    public Schedule schedule(String group, String name) {
        Schedule s = group(group).get(name);
        if (s == null) throw new IllegalArgumentException("groups." + group + "." + name + " is not defined; group " + group
                + " has " + group(group).keySet());
        return s;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        groups.forEach((g, h) -> h.forEach((n, s) -> b.append(g).append('.').append(n).append(" = ").append(s).append('\n')));
        return b.toString();
    }

    /** Definitions of one group (or of the defaults): a constant, a schedule, or a spec text with references. */
    public static final class Group {
        final Map<String, Object> definitions = new LinkedHashMap<>();

        Group() {}

        public Group set(String name, double value) {
            return define(name, Schedule.constant(value));
        }

        public Group set(String name, Schedule schedule) {
            return define(name, schedule);
        }

        /** A spec in the schedule-set language: core's spec language plus references to other hyperparameters. */
        public Group set(String name, String spec) {
            return define(name, spec);
        }

        private Group define(String name, Object definition) {
            if (definition == null) throw new IllegalArgumentException(name + " must not be null");
            definitions.put(name, definition);
            return this;
        }
    }

    /** A wide configuration: defaults, groups, and the total steps that percentages in specs refer to. */
    public static final class Builder {
        private final Group defaults = new Group();
        private final Map<String, Group> groups = new LinkedHashMap<>();
        private OptionalLong total = OptionalLong.empty();

        Builder() {}

        /**
         * The run's length: {@code 5%} in a spec means 5% of it. Set once: a second, different value (a run's
         * length against the one its file gives) is an error.
         */
        public Builder total(long steps) {
            if (steps <= 0) throw new ScheduleSetException("total", "total (" + steps + ") must be > 0");
            if (total.isPresent() && total.getAsLong() != steps) {
                throw new ScheduleSetException("total", "total (" + total.getAsLong() + ") differs from the run's " + steps
                        + " steps: remove it from the file or make them agree");
            }
            total = OptionalLong.of(steps);
            return this;
        }

        public Builder defaults(Consumer<Group> definitions) {
            definitions.accept(defaults);
            return this;
        }

        public Builder group(String name, Consumer<Group> definitions) {
            definitions.accept(groups.computeIfAbsent(name, n -> new Group()));
            return this;
        }

        /** A group that takes every hyperparameter from the defaults. */
        public Builder group(String name) {
            return group(name, g -> { });
        }

        /** Resolves references in dependency order; with no group named, one group {@code default} holds the defaults. */
        public ScheduleSet build() {
            Map<String, Map<String, Object>> own = new LinkedHashMap<>();
            if (groups.isEmpty()) own.put("default", Map.of());
            groups.forEach((name, g) -> own.put(name, g.definitions));
            return new ScheduleSet(new Resolver(defaults.definitions, own, total).resolve());
        }
    }
}
