package dev.anneal.optim;

import dev.anneal.optim.grad.GradState;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The state file, version 1, big-endian (Java's DataOutput): magic {@code ANNEALOS}, int version, UTF method,
 * long step, long updates, int block count, per block (UTF group, int length, byte bits: 1 = first present,
 * 2 = second present, then the present arrays as raw IEEE float bits), then the gradient state (float scale,
 * int growthTracker, long steps, skippedSteps, clippedSteps, halfOverflows, halfUnderflows), then the CRC32 of all
 * bytes before it as an int. Raw bits make save → read exact.
 */
final class StateCodec {
    static final byte[] MAGIC = "ANNEALOS".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;

    private StateCodec() {}

    static void write(OptimizerState s, OutputStream out) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(bytes);
        d.write(MAGIC);
        d.writeInt(VERSION);
        d.writeUTF(s.method());
        d.writeLong(s.step());
        d.writeLong(s.updates());
        d.writeInt(s.blocks().size());
        for (OptimizerState.Block b : s.blocks()) {
            d.writeUTF(b.group());
            d.writeInt(b.length());
            d.writeByte((b.first() != null ? 1 : 0) | (b.second() != null ? 2 : 0));
            floats(d, b.first());
            floats(d, b.second());
        }
        GradState g = s.grad();
        d.writeFloat(g.scale());
        d.writeInt(g.growthTracker());
        for (long v : new long[] {g.steps(), g.skippedSteps(), g.clippedSteps(), g.halfOverflows(), g.halfUnderflows()}) d.writeLong(v);
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        d.writeInt((int) crc.getValue());
        bytes.writeTo(out);
    }

    private static void floats(DataOutputStream d, float[] values) throws IOException {
        if (values == null) return;
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES);
        buffer.asFloatBuffer().put(values);
        d.write(buffer.array());
    }

    static OptimizerState read(byte[] file) {
        if (file.length < MAGIC.length + 8 || !Arrays.equals(file, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IllegalArgumentException("not an Anneal optimizer state file (it does not start with ANNEALOS)");
        }
        int stored = ByteBuffer.wrap(file, file.length - 4, 4).getInt();
        CRC32 crc = new CRC32();
        crc.update(file, 0, file.length - 4);
        if ((int) crc.getValue() != stored) {
            throw new IllegalArgumentException(String.format("state file is corrupted: CRC32 %08x stored, %08x computed",
                    stored, (int) crc.getValue()));
        }
        DataInputStream d = new DataInputStream(new ByteArrayInputStream(file, MAGIC.length, file.length - 4 - MAGIC.length));
        try {
            int version = d.readInt();
            if (version != VERSION) throw new IllegalArgumentException("state file version (" + version + ") must be " + VERSION);
            String method = d.readUTF();
            long step = d.readLong(), updates = d.readLong();
            int count = d.readInt();
            if (count < 0 || count > d.available()) throw new IllegalArgumentException("state file is damaged: block count " + count);
            List<OptimizerState.Block> blocks = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String group = d.readUTF();
                int length = d.readInt(), bits = d.readByte();
                if (length < 0) throw new IllegalArgumentException("state file is damaged: a block of " + length + " values");
                blocks.add(new OptimizerState.Block(group, length, (bits & 1) != 0 ? floats(d, length) : null,
                        (bits & 2) != 0 ? floats(d, length) : null));
            }
            GradState grad = new GradState(d.readFloat(), d.readInt(), d.readLong(), d.readLong(), d.readLong(), d.readLong(), d.readLong());
            if (d.available() != 0) throw new IllegalArgumentException("state file has " + d.available() + " bytes after the state");
            return new OptimizerState(method, step, updates, blocks, grad);
        } catch (EOFException e) {
            throw new IllegalArgumentException("state file is truncated");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static float[] floats(DataInputStream d, int length) throws IOException {
        if (length < 0 || (long) length * Float.BYTES > d.available()) {
            throw new IllegalArgumentException("state file is damaged: a block of " + length + " values");
        }
        byte[] raw = new byte[Math.multiplyExact(length, Float.BYTES)];
        d.readFully(raw);
        float[] values = new float[length];
        ByteBuffer.wrap(raw).asFloatBuffer().get(values);
        return values;
    }
}
