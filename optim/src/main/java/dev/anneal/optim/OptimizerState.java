package dev.anneal.optim;

import dev.anneal.optim.grad.GradState;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Everything an optimizer carries from one step to the next, as a value: a deep copy, never aliased with the
 * optimizer's working arrays. Saved and read with {@link #write} / {@link #read} in the format of
 * {@code docs/readme/optim.md} (binary, big-endian, CRC32 at the end).
 *
 * @param method  the method's {@link dev.anneal.optimizer.Method#key()}
 * @param step    steps taken, applied or skipped: the step the schedules are read at next
 * @param updates updates applied (Adam's bias-correction count); smaller than {@code step} by the skipped steps
 * @param blocks  per parameter block, in group order
 * @param grad    the gradient pipeline's counters and loss scale
 */
public record OptimizerState(String method, long step, long updates, List<Block> blocks, GradState grad) {

    public OptimizerState {
        blocks = List.copyOf(blocks);
        if (step < 0 || updates < 0 || updates > step) {
            throw new IllegalArgumentException("updates (" + updates + ") must be in [0, step (" + step + ")]");
        }
    }

    /**
     * One block's moments: {@code first} is SGD's momentum buffer or Adam's m, {@code second} Adam's v; null where the
     * rule has none yet (SGD allocates its buffer at the first step with momentum ≠ 0, as torch does).
     */
    public record Block(String group, int length, float[] first, float[] second) {
        public Block {
            if (first != null && first.length != length || second != null && second.length != length) {
                throw new IllegalArgumentException("moments of a block of " + length + " values must have " + length + " values");
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Block b && group.equals(b.group) && length == b.length
                    && Arrays.equals(first, b.first) && Arrays.equals(second, b.second);
        }

        @Override
        public int hashCode() {
            return group.hashCode() * 31 + Arrays.hashCode(first) * 17 + Arrays.hashCode(second);
        }

        @Override
        public String toString() {
            return group + "[" + length + "]";
        }
    }

    public void write(OutputStream out) throws IOException {
        StateCodec.write(this, out);
    }

    /** Reads a state; a corrupted, truncated or foreign file fails with a message that says which. */
    public static OptimizerState read(InputStream in) throws IOException {
        return StateCodec.read(in.readAllBytes());
    }

    public void save(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out);
        }
    }

    public static OptimizerState load(Path file) throws IOException {
        try {
            return StateCodec.read(Files.readAllBytes(file));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }
}
