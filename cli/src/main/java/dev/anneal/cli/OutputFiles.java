package dev.anneal.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Output paths given on the command line: written only where asked (a file option, or -o DIR), never into the current
 * folder by themselves; checked before any work starts; and written through a temporary file next to the target
 * that is moved into place, so a failed write never leaves a partial or empty file.
 */
final class OutputFiles {
    private OutputFiles() {}

    /** {@code given} if set, else {@code name} inside {@code dir} if set, else null (no file). */
    static Path chosen(Path given, Path dir, String name) {
        if (given != null) return given;
        return dir == null ? null : dir.resolve(name);
    }

    /** Writes the content of one file to a path it is given. */
    interface Writer {
        void write(Path file) throws IOException;
    }

    /**
     * Fails with {@code OPTION (path) …} unless a file can be created at {@code target}: its folder is writable and it
     * is not a folder or a device. A null target (no file asked for) passes.
     */
    static void checkFile(String option, Path target) {
        if (target == null) return;
        if (Files.isDirectory(target)) throw error(option, target, "is a directory; give a file name");
        if (Files.exists(target) && !Files.isRegularFile(target)) throw error(option, target, "exists and is not a regular file");
        checkFolder(option, target, target.toAbsolutePath().getParent());
    }

    /** Fails unless {@code dir} is, or can be created as, a writable folder. */
    static void checkDirectory(String option, Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw error(option, dir, "exists and is not a directory");
        checkFolder(option, dir, dir.toAbsolutePath());
    }

    private static void checkFolder(String option, Path target, Path folder) {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null || !Files.isDirectory(existing)) throw error(option, target, "cannot be created: " + existing + " is not a directory");
        if (!Files.isWritable(existing) || !writableInFact(existing)) throw error(option, target, "cannot be written: " + existing + " is not writable");
    }

    /** Files.isWritable says yes to root everywhere, even on a read-only file system: try it. */
    private static boolean writableInFact(Path folder) {
        try {
            Files.delete(Files.createTempFile(folder, ".anneal-probe", ".tmp"));
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** Writes through a temporary file in the target's folder, then moves it into place. */
    static void write(String option, Path target, Writer writer) {
        checkFile(option, target);
        Path folder = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(folder);
            temp = Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
            writer.write(temp);
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw error(option, target, "cannot be written: " + reason(e));
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The failure already being reported matters more than a leftover temporary file.
                }
            }
        }
    }

    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static IllegalArgumentException error(String option, Path path, String rule) {
        return new IllegalArgumentException(option + " (" + path + ") " + rule);
    }
}
