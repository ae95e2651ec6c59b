package dev.anneal.bench.train;

import dev.anneal.djl.AnnealOptimizer;
import dev.anneal.djl.Engines;
import dev.anneal.djl.FashionMnist;
import dev.anneal.djl.Images;
import dev.anneal.djl.Model;
import dev.anneal.djl.ScheduleFile;
import dev.anneal.optimizer.Method;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * What every arm of {@code anneal bench train} shares for one network: the Fashion-MNIST images, the batch, the
 * seed and the engine's threads; and Anneal's optimizer as {@code anneal train --optimizer adam --schedule
 * constant(lr)} builds it with its other flags at their defaults (no clipping, no accumulation, no loss scaling).
 */
record Setup(Model model, int batch, int limit, int threads) {
    static final double LR = 0.001;
    static final long SEED = 1;
    static final int TEST_IMAGES = 10_000;
    static final Path DATA = FashionMnist.DEBIAN_DIR;

    /** Starts PyTorch with this setup's threads and seed. */
    void start() {
        Engines.pytorch(threads, SEED);
    }

    Images train() {
        return FashionMnist.train(DATA, limit);
    }

    Images test() {
        return FashionMnist.test(DATA, TEST_IMAGES);
    }

    /** Adam at a constant lr over {@code totalSteps} updates. */
    AnnealOptimizer adam(long totalSteps) {
        try {
            return AnnealOptimizer.builder(Method.ADAM, ScheduleFile.read(null, totalSteps, "constant(" + LR + ")")).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // no file is read
        }
    }
}
