package dev.anneal.djl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf 2017): 28×28 grey images of clothes in 10 classes, 60,000 for
 * training and 10,000 for testing, read from the IDX files of Debian's {@code dataset-fashion-mnist} package.
 */
public final class FashionMnist {
    /** Where Debian's {@code dataset-fashion-mnist} package installs the files. */
    public static final Path DEBIAN_DIR = Path.of("/usr/share/datasets/fashion-mnist");
    public static final int SIDE = 28, PIXELS = SIDE * SIDE, CLASSES = 10, TRAIN_SIZE = 60_000, TEST_SIZE = 10_000;
    public static final List<String> LABELS = List.of(
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private FashionMnist() {}

    /** The training split's first {@code limit} images (all when {@code limit} exceeds 60,000). */
    public static Images train(Path dir, int limit) {
        return load(dir, "train", limit, TRAIN_SIZE);
    }

    /** The test split's first {@code limit} images (all when {@code limit} exceeds 10,000). */
    public static Images test(Path dir, int limit) {
        return load(dir, "t10k", limit, TEST_SIZE);
    }

    /**
     * At most {@code size} images, whatever the file's header announces: what is read (and allocated, 47 MB at most)
     * is bounded by the split, not by a damaged or hostile count.
     */
    private static Images load(Path dir, String split, int limit, int size) {
        if (limit <= 0) throw new IllegalArgumentException("limit (" + limit + ") must be > 0");
        limit = Math.min(limit, size);
        Path images = find(dir, split + "-images-idx3-ubyte"), labels = find(dir, split + "-labels-idx1-ubyte");
        try {
            byte[] pixels = Idx.read(images, limit, SIDE, SIDE);
            byte[] classes = Idx.read(labels, limit);
            if (classes.length != pixels.length / PIXELS) {
                throw new IOException(labels + " has " + classes.length + " labels for " + pixels.length / PIXELS + " images");
            }
            return new Images(pixels, classes);
        } catch (IOException e) {
            // The files are the user's input: a damaged one is bad input, not a fault of the program.
            throw new IllegalArgumentException("cannot read Fashion-MNIST: " + e.getMessage(), e);
        }
    }

    private static Path find(Path dir, String name) {
        for (String candidate : List.of(name + ".gz", name)) {
            Path file = dir.resolve(candidate);
            if (Files.isRegularFile(file)) return file;
        }
        throw new IllegalArgumentException("Fashion-MNIST not found: " + dir.resolve(name + ".gz") + " is missing; "
                + "install Debian's dataset-fashion-mnist package (apt-get install dataset-fashion-mnist) "
                + "or point --data DIR at a folder with the IDX files");
    }
}
