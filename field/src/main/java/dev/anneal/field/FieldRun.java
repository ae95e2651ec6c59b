package dev.anneal.field;

import dev.anneal.djl.AnnealOptimizer;
import dev.anneal.djl.Engines;
import dev.anneal.djl.FashionMnist;
import dev.anneal.djl.Images;
import dev.anneal.djl.Model;
import dev.anneal.optimizer.Method;
import dev.anneal.djl.Training;
import dev.anneal.lab.Mode;
import dev.anneal.optim.ScheduleSet;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

/**
 * One field setup: a network trained with SGD and momentum on the first {@code images} Fashion-MNIST training
 * images and measured on the first {@code testImages} test images (Debian's {@code dataset-fashion-mnist}), a
 * schedule set per arm. An arm's seed sets the initialization, the batch order, the dropout masks and the
 * augmentation, so arms of one seed differ only by their schedules (paired).
 */
record FieldRun(Model model, int images, int testImages, int batch, int epochs, int evaluations) {
    private static final Map<String, Images> DATA = new ConcurrentHashMap<>();
    /** DJL's PyTorch engine allows one gradient collector at a time: field trials train one after another. */
    private static final Object ENGINE = new Object();

    /** {@code full} or {@code reduced} (the test suite's: a few steps on a few hundred images). */
    static FieldRun of(Mode mode, FieldRun full, FieldRun reduced) {
        return mode == Mode.FULL ? full : reduced;
    }

    long steps() {
        return Training.stepsPerEpoch(images, batch, 1) * epochs;
    }

    String describe() {
        return String.format(Locale.ROOT, "%s on the first %d Fashion-MNIST training images, tested on the first %d test images; "
                + "SGD with momentum (torch.optim semantics), batch %d, %d epochs (%d steps)", model.key().toUpperCase(Locale.ROOT),
                images, testImages, batch, epochs, steps());
    }

    /** What one arm measured at the end (and its test loss at {@code evaluations} evenly spaced steps). */
    record Outcome(double testError, double testLoss, double calibrationError, double bnMismatch, double[] testLossCurve) {}

    /** Trains one arm: {@code yaml} is its schedule set, percentages of this run's steps. */
    Outcome train(String yaml, long seed) {
        synchronized (ENGINE) {
            return trainAlone(yaml, seed);
        }
    }

    private Outcome trainAlone(String yaml, long seed) {
        Engines.pytorch(1, seed);
        Images train = data("train", images), test = data("test", testImages);
        ScheduleSet set = ScheduleSet.parse(yaml, b -> b.total(steps()));
        long every = Math.max(1, steps() / evaluations);
        double[] curve = new double[evaluations];
        try (Training t = new Training(model, AnnealOptimizer.builder(Method.MOMENTUM, set).build(), batch, 1000 + seed)) {
            for (int e = 0; e < epochs; e++) {
                t.epoch(train, e, s -> {
                    long done = s.step() + 1;
                    if (done % every == 0 && done / every <= evaluations) curve[(int) (done / every) - 1] = t.loss(test);
                    return true;
                });
            }
            float[] p = t.probabilities(test);
            double error = 1 - test.accuracy(Training.predictions(p));
            double loss = t.loss(test);
            double mismatch = Math.abs(loss - t.loss(test, true));
            return new Outcome(error, loss, Calibration.expectedError(p, test), mismatch, curve);
        }
    }

    private static Images data(String split, int limit) {
        return DATA.computeIfAbsent(split + limit, k -> split.equals("train")
                ? FashionMnist.train(FashionMnist.DEBIAN_DIR, limit) : FashionMnist.test(FashionMnist.DEBIAN_DIR, limit));
    }
}
