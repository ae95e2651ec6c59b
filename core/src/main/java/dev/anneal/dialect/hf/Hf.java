package dev.anneal.dialect.hf;

import dev.anneal.spec.Family;

import java.util.List;

/** The {@code hf.} dialect of the spec language. */
public final class Hf {
    private Hf() {}

    /** The dialect's families, names prefixed with {@code hf.}. */
    public static List<Family> families() {
        return List.of();
    }
}
