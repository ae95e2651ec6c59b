package dev.anneal.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Softmax cross-entropy against smoothed targets, α read at the training step: the mean over the batch of
 * {@code −Σ_c q_c·log softmax(z)_c} with {@code q = (1 − α)·one-hot(y) + α/K} (PyTorch's
 * {@code CrossEntropyLoss(label_smoothing=α)}). At α = 0 it is DJL's softmax cross-entropy itself.
 */
public final class LabelSmoothingLoss extends Loss {
    private final StepClock clock;
    private final ScheduledValue alpha;
    private final Loss plain = Loss.softmaxCrossEntropyLoss();

    public LabelSmoothingLoss(StepClock clock, ScheduledValue alpha) {
        super("LabelSmoothingLoss");
        this.clock = clock;
        this.alpha = alpha;
    }

    public ScheduledValue alpha() {
        return alpha;
    }

    /** {@code labels}: class indices; {@code predictions}: logits, one row per example. */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        double a = alpha.at(clock.step());
        if (a == 0) return plain.evaluate(labels, predictions);
        NDArray logits = predictions.singletonOrThrow();
        int classes = Math.toIntExact(logits.getShape().get(1));
        NDArray targets = labels.singletonOrThrow().oneHot(classes).mul(1 - a).add(a / classes);
        return logits.logSoftmax(1).mul(targets).sum(new int[] {1}).mean().neg();
    }
}
