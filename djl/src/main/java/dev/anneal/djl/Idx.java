package dev.anneal.djl;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Reads IDX files (LeCun's MNIST format, gzip-compressed or not): a magic number, the dimensions, unsigned bytes. */
final class Idx {
    private Idx() {}

    /**
     * The unsigned bytes of an IDX file, after checking that its dimensions are {@code shape} past the first. A file
     * that is damaged or cut short fails with an IOException whose message names it.
     */
    static byte[] read(Path file, int limit, int... shape) throws IOException {
        try {
            return readChecked(file, limit, shape);
        } catch (EOFException e) {
            throw new IOException(file + ": truncated (it ends before the data its header announces)", e);
        } catch (ZipException e) {
            throw new IOException(file + ": damaged gzip data (" + e.getMessage() + ")", e);
        }
    }

    private static byte[] readChecked(Path file, int limit, int... shape) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw)) {
            int magic = in.readInt();
            int dims = magic & 0xFF;
            if ((magic >>> 8) != 0x08 || dims != shape.length + 1) {
                throw new IOException(file + ": not an IDX file of unsigned bytes with " + (shape.length + 1)
                        + " dimensions (magic 0x" + Integer.toHexString(magic) + ")");
            }
            int count = in.readInt();
            if (count < 0) throw new IOException(file + ": damaged header (item count " + count + ")");
            int[] found = new int[shape.length];
            for (int i = 0; i < shape.length; i++) found[i] = in.readInt();
            if (!Arrays.equals(found, shape)) {
                throw new IOException(file + ": item shape " + Arrays.toString(found) + ", expected " + Arrays.toString(shape));
            }
            int itemSize = Arrays.stream(shape).reduce(1, Math::multiplyExact);
            int n = Math.min(count, limit);
            byte[] data = new byte[Math.multiplyExact(n, itemSize)];
            in.readFully(data);
            return data;
        }
    }
}
