package dev.anneal.djl;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A training checkpoint in {@code DIR/checkpoint.bin}: the run's settings, the epochs done, the network and the
 * optimizer's state (its step included). Written to a temporary file and moved, so a crash leaves the last one.
 */
public record Checkpoint(Path dir) {
    private static final int MAGIC = 0x414E4E43; // "ANNC"

    public Path file() {
        return dir.resolve("checkpoint.bin");
    }

    public boolean exists() {
        return Files.isRegularFile(file());
    }

    /** Saves after {@code epochsDone} epochs; {@code settings} names what must match on resume. */
    public void save(Training training, String settings, int epochsDone) {
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve("checkpoint.bin.tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                out.writeInt(MAGIC);
                out.writeUTF(settings);
                out.writeInt(epochsDone);
                training.save(out);
            }
            Files.move(tmp, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file() + ": " + e.getMessage(), e);
        }
    }

    /** Restores the network and optimizer; returns the epochs done. */
    public int load(Training training, String settings) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file())))) {
            if (in.readInt() != MAGIC) throw new IllegalArgumentException("checkpoint (" + file() + ") is not an Anneal training checkpoint");
            String saved = in.readUTF();
            if (!saved.equals(settings)) {
                throw new IllegalArgumentException("checkpoint (" + file() + ") was written by a run with other settings: "
                        + saved + "; this run: " + settings + " (use another --checkpoint DIR)");
            }
            int epochs = in.readInt();
            training.load(in);
            return epochs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + file() + ": " + e.getMessage(), e);
        }
    }
}
