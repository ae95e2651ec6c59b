package dev.anneal.store;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What produced a run; {@link #label()} is the word stored and shown. */
public enum RunKind {
    TRAIN("train"),
    FIND_LR("find-lr"),
    LAB("lab"),
    SWEEP("sweep"),
    TRIAL("trial");

    private final String label;

    RunKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The kind named {@code label}; a clear error listing the kinds otherwise. */
    public static RunKind of(String label) {
        for (RunKind k : values()) {
            if (k.label.equals(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown run kind '" + label + "': expected one of "
                + Arrays.stream(values()).map(RunKind::label).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return label;
    }
}
