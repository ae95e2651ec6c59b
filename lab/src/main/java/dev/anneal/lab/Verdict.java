package dev.anneal.lab;

/** What the numbers say about a claim. */
public enum Verdict {
    REPRODUCED, NOT_REPRODUCED, INCONCLUSIVE;

    /** The label shown in the report: {@code NOT REPRODUCED}. */
    public String label() {
        return name().replace('_', ' ');
    }
}
