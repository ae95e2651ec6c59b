package dev.anneal.spec;

import dev.anneal.schedule.Schedule;

import java.util.OptionalLong;

/**
 * The spec language: text such as {@code warmup(5%, cosine(0.1, steps=95%)) then constant(0.001)} to and from
 * schedules. See {@link Families} for the names, and {@code docs/spec-language.md} for the grammar.
 */
public final class Spec {
    private Spec() {}

    /** Parses a spec that gives every step count explicitly; a percentage is an error. */
    public static Schedule parse(String text) {
        return parse(text, OptionalLong.empty());
    }

    /** Parses a spec whose step counts may be percentages of {@code total}. */
    public static Schedule parse(String text, long total) {
        if (total <= 0) throw new IllegalArgumentException("total (" + total + ") must be > 0");
        return parse(text, OptionalLong.of(total));
    }

    public static Schedule parse(String text, OptionalLong total) {
        return new Binder(text, total).schedule(Parser.parse(text));
    }

    /** The syntax tree of a spec without binding names: for tools that read specs of other dialects. */
    public static Node syntax(String text) {
        return Parser.parse(text);
    }

    /** Canonical spec text: {@code parse(print(s)).equals(s)} for every schedule but {@code Schedule.of(…)}. */
    public static String print(Schedule schedule) {
        return schedule.toString();
    }
}
