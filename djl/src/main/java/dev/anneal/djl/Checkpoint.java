package dev.anneal.djl;

import dev.anneal.optim.OptimizerState;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * A training checkpoint in {@code DIR/checkpoint.bin}: the run's settings, the epochs done, the network, the
 * optimizer's state (optim's {@link OptimizerState} format: step, moments, gradient counters, loss scale), the
 * controller's state and the snapshots kept so far for an ensemble.
 *
 * <p>Format 3, big-endian: header {@code ANNEALCK}, int format, long file length; then sections, each an int byte
 * count and its bytes: settings (UTF-8), counters (int epochs done, int epochs planned), network (DJL's parameter
 * file), optimizer state, controller state (UTF-8 JSON; empty without a controller), snapshots (int count, then each
 * as a section); then the CRC32C of every byte before it. Reading checks the header, the length, the checksum, then
 * every count against its range; a damaged or truncated file is refused, whole, with a message that says so.
 * Writing goes to a temporary file, forced to the disk, then moved into place atomically, so a crash leaves the last
 * complete checkpoint.
 */
public final class Checkpoint {
    private static final byte[] MAGIC = "ANNEALCK".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT = 3;
    private static final int HEADER = MAGIC.length + Integer.BYTES + Long.BYTES, TRAILER = Integer.BYTES;

    private final Path dir;

    /** What a checkpoint gives back besides network, optimizer and controller: epochs done and planned, snapshots kept. */
    public record Saved(int epochs, int plannedEpochs, List<byte[]> snapshots) {
        public Saved {
            snapshots = List.copyOf(snapshots);
        }
    }

    private Checkpoint(Path dir) {
        this.dir = dir;
    }

    /**
     * The checkpoint in {@code dir}, which is created if needed and must be writable: checked now, by writing and
     * removing a probe file, so that a bad path fails before any training.
     */
    public static Checkpoint in(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, "checkpoint", ".probe");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException("checkpoint directory (" + dir + ") cannot be written: " + reason(e));
        }
        return new Checkpoint(dir);
    }

    public Path file() {
        return dir.resolve("checkpoint.bin");
    }

    public boolean exists() {
        return Files.isRegularFile(file());
    }

    /** Saves after {@code epochsDone} of {@code plannedEpochs}, with the snapshots ({@link Training#snapshot()}) kept so far. */
    public void save(Training training, String settings, int epochsDone, int plannedEpochs, List<byte[]> snapshots) {
        if (epochsDone < 0 || epochsDone > plannedEpochs) {
            throw new IllegalArgumentException("epochsDone (" + epochsDone + ") must be in [0, plannedEpochs (" + plannedEpochs + ")]");
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(MAGIC);
            out.writeInt(FORMAT);
            out.writeLong(0); // the file's length, set below
            section(out, settings.getBytes(StandardCharsets.UTF_8));
            section(out, ByteBuffer.allocate(8).putInt(epochsDone).putInt(plannedEpochs).array());
            section(out, training.snapshot());
            ByteArrayOutputStream state = new ByteArrayOutputStream();
            training.optimizerState().write(state);
            section(out, state.toByteArray());
            String controller = training.controllerState();
            section(out, controller == null ? new byte[0] : controller.getBytes(StandardCharsets.UTF_8));
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            DataOutputStream k = new DataOutputStream(kept);
            k.writeInt(snapshots.size());
            for (byte[] s : snapshots) section(k, s);
            section(out, kept.toByteArray());
            byte[] file = Arrays.copyOf(bytes.toByteArray(), bytes.size() + TRAILER);
            ByteBuffer.wrap(file).putLong(MAGIC.length + Integer.BYTES, file.length);
            CRC32C crc = new CRC32C();
            crc.update(file, 0, file.length - TRAILER);
            ByteBuffer.wrap(file).putInt(file.length - TRAILER, (int) crc.getValue());
            write(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file() + ": " + reason(e), e);
        }
    }

    private static void section(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** Temporary file, forced to the disk, moved into place atomically; then the directory entry forced too. */
    private void write(byte[] file) throws IOException {
        Files.createDirectories(dir);
        Path tmp = dir.resolve("checkpoint.bin.tmp");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(file);
            while (buffer.hasRemaining()) channel.write(buffer);
            channel.force(true);
        }
        Files.move(tmp, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // not every file system lets a directory be opened and forced; the rename itself is atomic either way
        }
    }

    /**
     * Restores network, optimizer and controller after checking the whole file; returns the epochs done and
     * planned and the snapshots kept. A damaged file is refused before anything is restored.
     */
    public Saved load(Training training, String settings) {
        byte[] file;
        try {
            file = Files.readAllBytes(file());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + file() + ": " + reason(e), e);
        }
        Sections in = new Sections(file);
        String saved = new String(in.next("settings"), StandardCharsets.UTF_8);
        if (!saved.equals(settings)) {
            throw new IllegalArgumentException("checkpoint (" + file() + ") was written by a run with other settings: "
                    + saved + "; this run: " + settings + " (use another --checkpoint DIR)");
        }
        ByteBuffer counters = ByteBuffer.wrap(in.next("counters"));
        if (counters.capacity() != 8) throw damaged("the counters have " + counters.capacity() + " bytes, not 8");
        int epochs = counters.getInt(), planned = counters.getInt();
        if (planned < 1 || epochs < 0 || epochs > planned) throw damaged(epochs + " of " + planned + " epochs done");
        byte[] network = in.next("network");
        OptimizerState state;
        try {
            state = OptimizerState.read(new ByteArrayInputStream(in.next("optimizer state")));
        } catch (IOException | IllegalArgumentException e) {
            throw damaged("optimizer state: " + e.getMessage());
        }
        byte[] controller = in.next("controller state");
        ByteBuffer kept = ByteBuffer.wrap(in.next("snapshots"));
        Sections snapshots = new Sections(kept);
        int count = snapshots.count("snapshots");
        List<byte[]> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) list.add(snapshots.next("snapshot " + (i + 1)));
        snapshots.requireEnd("snapshots");
        in.requireEnd("the sections");
        try {
            training.requireControllerState(controller.length > 0);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("checkpoint (" + file() + "): " + e.getMessage(), e);
        }
        try {
            training.restore(network, state, controller.length == 0 ? null : new String(controller, StandardCharsets.UTF_8));
        } catch (RuntimeException e) { // checksum and settings agree, yet the parts do not fit this run
            throw damaged("it does not restore: " + e.getMessage());
        }
        return new Saved(epochs, planned, list);
    }

    private IllegalArgumentException damaged(String why) {
        return new IllegalArgumentException("checkpoint " + file() + " is damaged (" + why + "): delete it to start afresh, or restore a copy");
    }

    /** The file's sections, after the header, length and checksum are checked; each length checked against what is left. */
    private final class Sections {
        private final ByteBuffer buffer;

        Sections(byte[] file) {
            if (file.length < HEADER + TRAILER || !Arrays.equals(file, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
                throw damaged(file.length < HEADER + TRAILER ? "only " + file.length + " bytes" : "it does not start with ANNEALCK, the mark of an Anneal checkpoint of format " + FORMAT);
            }
            ByteBuffer b = ByteBuffer.wrap(file);
            int format = b.getInt(MAGIC.length);
            long length = b.getLong(MAGIC.length + Integer.BYTES);
            if (length != file.length) throw damaged("truncated or extended: " + file.length + " bytes, the header says " + length);
            CRC32C crc = new CRC32C();
            crc.update(file, 0, file.length - TRAILER);
            int stored = b.getInt(file.length - TRAILER);
            if (stored != (int) crc.getValue()) {
                throw damaged(String.format("CRC32C %08x stored, %08x computed", stored, (int) crc.getValue()));
            }
            if (format != FORMAT) throw damaged("format " + format + ", this version reads " + FORMAT);
            this.buffer = ByteBuffer.wrap(file, HEADER, file.length - HEADER - TRAILER).slice();
        }

        Sections(ByteBuffer section) {
            this.buffer = section;
        }

        int count(String what) {
            if (buffer.remaining() < Integer.BYTES) throw damaged(what + ": truncated");
            int n = buffer.getInt();
            if (n < 0 || (long) n * Integer.BYTES > buffer.remaining()) throw damaged(what + ": count " + n);
            return n;
        }

        byte[] next(String what) {
            if (buffer.remaining() < Integer.BYTES) throw damaged(what + ": truncated");
            int n = buffer.getInt();
            if (n < 0 || n > buffer.remaining()) throw damaged(what + ": " + n + " bytes, " + buffer.remaining() + " left");
            byte[] bytes = new byte[n];
            buffer.get(bytes);
            return bytes;
        }

        void requireEnd(String what) {
            if (buffer.hasRemaining()) throw damaged(buffer.remaining() + " bytes after " + what);
        }
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + " " + e.getMessage();
    }
}
