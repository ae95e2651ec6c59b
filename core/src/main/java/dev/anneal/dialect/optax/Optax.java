package dev.anneal.dialect.optax;

import dev.anneal.spec.Family;

import java.util.List;

/** The {@code optax.} dialect of the spec language. */
public final class Optax {
    private Optax() {}

    /** The dialect's families, names prefixed with {@code optax.}. */
    public static List<Family> families() {
        return List.of();
    }
}
