package dev.anneal.cli;

import java.nio.file.Path;

/** Where a command writes its files: only where asked (a file option, or -o DIR), never the current folder by itself. */
final class Outputs {
    private Outputs() {}

    /** {@code given} if set, else {@code name} inside {@code dir} if set, else null (no file). */
    static Path file(Path given, Path dir, String name) {
        if (given != null) return given;
        return dir == null ? null : dir.resolve(name);
    }
}
