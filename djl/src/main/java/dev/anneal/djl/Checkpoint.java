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
import java.util.ArrayList;
import java.util.List;

/**
 * A training checkpoint in {@code DIR/checkpoint.bin}: the run's settings, the epochs done, the network, the
 * optimizer's state (its step included), the controller's state, and the snapshots kept so far for an ensemble.
 * One file, written to a temporary file and moved, so a crash leaves the last complete checkpoint.
 */
public record Checkpoint(Path dir) {
    private static final int MAGIC = 0x414E4E32; // "ANN2": the first format had no controller state or snapshots

    /** What a checkpoint gives back besides the network and optimizer: epochs done and the snapshots kept. */
    public record Saved(int epochs, List<byte[]> snapshots) {
        public Saved {
            snapshots = List.copyOf(snapshots);
        }
    }

    public Path file() {
        return dir.resolve("checkpoint.bin");
    }

    public boolean exists() {
        return Files.isRegularFile(file());
    }

    /** Saves after {@code epochsDone} epochs; {@code settings} names what must match on resume. */
    public void save(Training training, String settings, int epochsDone) {
        save(training, settings, epochsDone, List.of());
    }

    /** Saves after {@code epochsDone} epochs, with the snapshots ({@link Training#snapshot()}) kept so far. */
    public void save(Training training, String settings, int epochsDone, List<byte[]> snapshots) {
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve("checkpoint.bin.tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                out.writeInt(MAGIC);
                out.writeUTF(settings);
                out.writeInt(epochsDone);
                training.save(out);
                out.writeInt(snapshots.size());
                for (byte[] s : snapshots) {
                    out.writeInt(s.length);
                    out.write(s);
                }
            }
            Files.move(tmp, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file() + ": " + e.getMessage(), e);
        }
    }

    /** Restores the network, optimizer and controller; returns the epochs done and the snapshots kept. */
    public Saved load(Training training, String settings) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file())))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("checkpoint (" + file() + ") is not an Anneal training checkpoint of this version (start it afresh)");
            }
            String saved = in.readUTF();
            if (!saved.equals(settings)) {
                throw new IllegalArgumentException("checkpoint (" + file() + ") was written by a run with other settings: "
                        + saved + "; this run: " + settings + " (use another --checkpoint DIR)");
            }
            int epochs = in.readInt();
            training.load(in);
            int n = in.readInt();
            List<byte[]> snapshots = new ArrayList<>(n);
            for (int i = 0; i < n; i++) snapshots.add(in.readNBytes(in.readInt()));
            return new Saved(epochs, snapshots);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + file() + ": " + e.getMessage(), e);
        }
    }
}
