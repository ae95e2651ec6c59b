package dev.anneal.spec;

import dev.anneal.schedule.Checks;

import java.util.List;

/**
 * One parameter of a family: its spec name, what kind of value it takes, its default, and a line of doc.
 * {@code fallback} is the default value, {@link #REQUIRED} when the parameter must be given, or null when it is
 * optional without a default.
 */
public record Param(String name, Kind kind, Object fallback, String doc, List<String> choices) {

    public enum Kind {
        /** A real number. */
        NUMBER,
        /** A whole number of steps, or a percentage of the total ({@code 5%}). */
        STEPS,
        /** A whole number. */
        INTEGER,
        /** A list of step counts. */
        STEPS_LIST,
        /** One of a fixed set of words. */
        WORD,
        /** true or false. */
        FLAG,
        /** A nested schedule. */
        SCHEDULE
    }

    public static final Object REQUIRED = new Object() {
        @Override
        public String toString() {
            return "required";
        }
    };

    public Param {
        choices = List.copyOf(choices);
    }

    public static Param required(String name, Kind kind, String doc) {
        return new Param(name, kind, REQUIRED, doc, List.of());
    }

    public static Param optional(String name, Kind kind, Object fallback, String doc) {
        return new Param(name, kind, fallback, doc, List.of());
    }

    public static Param word(String name, String fallback, String doc, String... choices) {
        return new Param(name, Kind.WORD, fallback, doc, List.of(choices));
    }

    public Param withDoc(String doc) {
        return new Param(name, kind, fallback, doc, choices);
    }

    public boolean required() {
        return fallback == REQUIRED;
    }

    /** How the parameter reads in a signature: {@code steps}, {@code floor=0}, {@code [down]}. */
    public String signature() {
        if (required()) return name;
        if (fallback == null) return "[" + name + "]";
        return name + "=" + Checks.format(fallback);
    }
}
