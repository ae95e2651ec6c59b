package dev.anneal.convert;

import dev.anneal.schedule.Framework;
import dev.anneal.schedule.Schedule;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The languages a schedule can be converted to: the native spec language and the four framework dialects. */
public enum Target {
    NATIVE(null), TORCH(new TorchRules()), HF(new HfRules()), OPTAX(new OptaxRules()), KERAS(new KerasRules());

    private final Rules rules;

    Target(Rules rules) {
        this.rules = rules;
    }

    /** The name on the command line, and a dialect's prefix: native, torch, hf, optax, keras. */
    public String spec() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The target named {@code name}; the error lists the accepted names. */
    public static Target of(String name) {
        return Arrays.stream(values()).filter(t -> t.spec().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--to (" + name + ") must be one of "
                        + Arrays.stream(values()).map(Target::spec).collect(Collectors.joining(", "))));
    }

    /** Whether the schedule is already written in this language. */
    boolean writes(Schedule s) {
        return this == NATIVE ? Natives.isNative(s) : s instanceof Framework f && f.spec().startsWith(spec() + ".");
    }

    /** Candidate translations of a native schedule, best first; missing ones say why. */
    List<Form> translate(Schedule nativeSchedule) {
        return rules == null ? List.of(Form.of(nativeSchedule)) : rules.translate(nativeSchedule);
    }
}
