package dev.anneal.djl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The IDX reader on Debian's files (labels checked against the data set's published first rows) and on hand-made files. */
class FashionMnistTest {
    @TempDir
    Path dir;

    @Test
    void debianFiles_fullSplitsAndFirstLabels() {
        Images train = FashionMnist.train(FashionMnist.DEBIAN_DIR, Integer.MAX_VALUE);
        Images test = FashionMnist.test(FashionMnist.DEBIAN_DIR, Integer.MAX_VALUE);
        assertThat(train.size()).isEqualTo(60_000);
        assertThat(test.size()).isEqualTo(10_000);
        assertThat(train.labels()).startsWith(9, 0, 0, 3, 0, 2, 7, 2, 5, 5); // ankle boot, T-shirt, T-shirt, dress, …
        assertThat(test.labels()).startsWith(9, 2, 1, 1, 6, 1, 4, 6, 5, 7);
        int sum = 0;
        for (int i = 0; i < FashionMnist.PIXELS; i++) sum += train.pixels()[i] & 0xFF;
        assertThat(sum).as("pixel sum of the first training image").isEqualTo(76_247);
    }

    @Test
    void limit_readsThatManyImages() {
        Images first = FashionMnist.train(FashionMnist.DEBIAN_DIR, 3);
        assertThat(first.size()).isEqualTo(3);
        assertThat(first.labels()).containsExactly(9, 0, 0);
        float[] scaled = new float[FashionMnist.PIXELS];
        first.copyScaled(0, scaled, 0);
        assertThat((double) scaled[14 * 28 + 14]).isCloseTo(217 / 255.0, within(1e-7));
    }

    @Test
    void handMadeFiles_rawAndGzip() throws IOException {
        byte[] pixels = new byte[2 * FashionMnist.PIXELS];
        pixels[5] = (byte) 255;
        pixels[FashionMnist.PIXELS + 7] = (byte) 128;
        Files.write(dir.resolve("train-images-idx3-ubyte"), idx(0x803, 2, pixels, 28, 28));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("train-labels-idx1-ubyte.gz")))) {
            out.write(idx(0x801, 2, new byte[] {4, 8}));
        }
        Images images = FashionMnist.train(dir, 10);
        assertThat(images.size()).isEqualTo(2);
        assertThat(images.labels()).containsExactly(4, 8);
        float[] scaled = new float[2 * FashionMnist.PIXELS];
        images.copyScaled(0, scaled, 0);
        images.copyScaled(1, scaled, FashionMnist.PIXELS);
        assertThat(scaled[5]).isEqualTo(1f);
        assertThat(scaled[FashionMnist.PIXELS + 7]).isEqualTo(128 / 255f);
        assertThat(images.accuracy(new int[] {4, 0})).isEqualTo(0.5);
    }

    @Test
    void missingFiles_namePackageAndOption() {
        assertThatThrownBy(() -> FashionMnist.train(dir, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Fashion-MNIST not found: " + dir.resolve("train-images-idx3-ubyte.gz") + " is missing; install Debian's "
                        + "dataset-fashion-mnist package (apt-get install dataset-fashion-mnist) or point --data DIR at a folder with the IDX files");
    }

    @Test
    void wrongMagic_rejected() throws IOException {
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), idx(0x801, 1, new byte[] {1}));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), idx(0x801, 1, new byte[] {1}));
        assertThatThrownBy(() -> FashionMnist.test(dir, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an IDX file of unsigned bytes with 3 dimensions (magic 0x801)");
    }

    @Test
    void truncatedGzip_isRejectedNamingTheFile() throws IOException {
        byte[] whole = gzip(idx(0x803, 2, new byte[2 * FashionMnist.PIXELS], 28, 28));
        Path images = dir.resolve("t10k-images-idx3-ubyte.gz");
        Files.write(images, java.util.Arrays.copyOf(whole, whole.length / 2));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), idx(0x801, 2, new byte[] {1, 2}));
        assertThatThrownBy(() -> FashionMnist.test(dir, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot read Fashion-MNIST: " + images + ": truncated");
    }

    @Test
    void damagedGzip_isRejectedNamingTheFile() throws IOException {
        byte[] bytes = gzip(idx(0x803, 2, new byte[2 * FashionMnist.PIXELS], 28, 28));
        bytes[1] ^= 0x55; // the gzip magic
        Path images = dir.resolve("t10k-images-idx3-ubyte.gz");
        Files.write(images, bytes);
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), idx(0x801, 2, new byte[] {1, 2}));
        assertThatThrownBy(() -> FashionMnist.test(dir, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot read Fashion-MNIST: " + images + ": damaged gzip data");
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var out = new java.util.zip.GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    @Test
    void limit_zero_rejected() {
        assertThatThrownBy(() -> FashionMnist.train(dir, 0)).hasMessage("limit (0) must be > 0");
    }

    private static byte[] idx(int magic, int count, byte[] data, int... shape) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(magic);
            out.writeInt(count);
            for (int d : shape) out.writeInt(d);
            out.write(data);
        }
        return bytes.toByteArray();
    }
}
