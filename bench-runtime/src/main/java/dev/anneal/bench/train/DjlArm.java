package dev.anneal.bench.train;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.anneal.djl.Images;
import dev.anneal.djl.Training;

/**
 * The in-process arms of {@code anneal bench train}, both in djl's {@link Training} loop, the loop of
 * {@code anneal train}: {@link #ANNEAL} steps Anneal's optimizer, built as
 * {@code anneal train --optimizer adam --schedule constant(lr)} builds it ({@link Setup}); {@link #DJL_ADAM} steps DJL's own
 * {@code Optimizer.adam} instead, the same-engine baseline that isolates the cost of Anneal's layer.
 */
enum DjlArm {
    ANNEAL("anneal"),
    DJL_ADAM("djl-adam");

    private final String key;

    DjlArm(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    /**
     * Trains a fresh network of {@code setup}'s model on {@code train} for {@code epochs} epochs at lr
     * {@link Setup#LR}, timed like {@code anneal train} (the whole loop; per mini-batch the forward and backward pass
     * and the optimizer), then measures its accuracy on {@code test} (untimed).
     */
    TrainRun run(Setup setup, Images train, Images test, int epochs) {
        try (Training training = training(setup, train.size(), epochs)) {
            long started = System.nanoTime();
            for (int epoch = 0; epoch < epochs; epoch++) training.epoch(train, epoch, step -> true);
            double seconds = (System.nanoTime() - started) / 1e9;
            Training.Timing t = training.timing();
            return new TrainRun((double) train.size() * epochs / seconds, t.batchNanos() / 1e6 / t.batches(),
                    t.optimizerNanos() / 1e6 / t.batches(), training.accuracy(test));
        }
    }

    private Training training(Setup setup, int images, int epochs) {
        if (this == DJL_ADAM) {
            Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) Setup.LR)).build();
            return Training.withUpdater(setup.model(), new DjlUpdater(adam), setup.batch(), Setup.SEED);
        }
        long total = Training.stepsPerEpoch(images, setup.batch(), 1) * epochs;
        return new Training(setup.model(), setup.adam(total), setup.batch(), Setup.SEED);
    }
}
