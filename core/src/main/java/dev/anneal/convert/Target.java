package dev.anneal.convert;

import dev.anneal.schedule.InvalidInputException;

import dev.anneal.schedule.Framework;
import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Dialect;
import dev.anneal.spec.Dialects;
import dev.anneal.spec.Form;

import java.util.List;
import java.util.stream.Stream;

/** The languages a schedule can be converted to: the native spec language and each dialect plugged in. */
public final class Target {
    public static final Target NATIVE = new Target("native", null);

    private final String spec;
    private final Dialect dialect;

    private Target(String spec, Dialect dialect) {
        this.spec = spec;
        this.dialect = dialect;
    }

    /** Native first, then the dialects in the order they were found. */
    public static List<Target> all() {
        return Stream.concat(Stream.of(NATIVE), Dialects.all().stream().map(d -> new Target(d.prefix(), d))).toList();
    }

    /** The name on the command line: native, or a dialect's prefix. */
    public String spec() {
        return spec;
    }

    /** The target named {@code name}; the error lists the accepted names. */
    public static Target of(String name) {
        if (name.equals(NATIVE.spec)) return NATIVE;
        return Dialects.find(name).map(d -> new Target(d.prefix(), d))
                .orElseThrow(() -> InvalidInputException.of("--to (" + name + ") must be one of "
                        + String.join(", ", all().stream().map(Target::spec).toList())));
    }

    /** Whether the schedule is already written in this language. */
    boolean writes(Schedule s) {
        return dialect == null ? Natives.isNative(s) : s instanceof Framework f && f.spec().startsWith(spec + ".");
    }

    /** Candidate translations of a native schedule, best first; missing ones say why. */
    List<Form> translate(Schedule nativeSchedule) {
        return dialect == null ? List.of(Form.of(nativeSchedule)) : dialect.write(nativeSchedule);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Target t && t.spec.equals(spec);
    }

    @Override
    public int hashCode() {
        return spec.hashCode();
    }

    @Override
    public String toString() {
        return spec;
    }
}
