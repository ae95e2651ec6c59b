package dev.anneal.dialect.torch;

import dev.anneal.spec.Family;

import java.util.List;

/** The {@code torch.} dialect of the spec language. */
public final class Torch {
    private Torch() {}

    /** The dialect's families, names prefixed with {@code torch.}. */
    public static List<Family> families() {
        return List.of();
    }
}
