package dev.anneal.store;

import java.util.Objects;

/**
 * A series of a run: a metric ({@code loss}, group "") or an applied hyperparameter per parameter group
 * ({@code lr}, group "0").
 */
public record SeriesKey(String name, String group) implements Comparable<SeriesKey> {
    public SeriesKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(group, "group");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a series needs a name");
        }
    }

    /** A series without a parameter group. */
    public static SeriesKey of(String name) {
        return new SeriesKey(name, "");
    }

    /** {@code name} or {@code name[group]}: how series are shown and given on the command line. */
    public static SeriesKey parse(String text) {
        int open = text.indexOf('[');
        if (open > 0 && text.endsWith("]")) {
            return new SeriesKey(text.substring(0, open), text.substring(open + 1, text.length() - 1));
        }
        return of(text);
    }

    @Override
    public String toString() {
        return group.isEmpty() ? name : name + "[" + group + "]";
    }

    @Override
    public int compareTo(SeriesKey o) {
        int c = name.compareTo(o.name);
        return c != 0 ? c : group.compareTo(o.group);
    }
}
