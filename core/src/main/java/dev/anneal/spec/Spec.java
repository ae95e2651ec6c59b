package dev.anneal.spec;

import dev.anneal.schedule.Checks;

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
        if (total <= 0) throw Checks.fail("total", String.valueOf(total), "must be > 0");
        return parse(text, OptionalLong.of(total));
    }

    public static Schedule parse(String text, OptionalLong total) {
        return parse(text, total, Scope.NONE);
    }

    /**
     * Parses a spec whose bare names in schedule positions ({@code lr}, {@code head.lr}) stand for what
     * {@code scope} gives them: how a schedule set binds its definitions, with the same binder as every other spec.
     */
    public static Schedule parse(String text, OptionalLong total, Scope scope) {
        return new Binder(text, total, scope).bind(Parser.parse(text));
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
