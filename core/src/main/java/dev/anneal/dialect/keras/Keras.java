package dev.anneal.dialect.keras;

import dev.anneal.spec.Family;

import java.util.List;

/** The {@code keras.} dialect of the spec language. */
public final class Keras {
    private Keras() {}

    /** The dialect's families, names prefixed with {@code keras.}. */
    public static List<Family> families() {
        return List.of();
    }
}
