package dev.anneal.optim.grad;

import dev.anneal.schedule.Checks;
import dev.anneal.schedule.InvalidInputException;

import java.util.List;

/**
 * Gradient accumulation over K micro-batches: {@link #add} sums each micro-batch's gradient blocks into the step's
 * blocks (the first one is copied), and after the K-th applies the {@link Reduction} and reports the step ready.
 * The optimizer, and so every schedule, advances once per ready step, never per micro-batch.
 *
 * <p>The mean is the float sum divided by K, so the {@code MEAN} result is exactly {@code SUM / K} rounded once.
 */
public final class GradientAccumulator {
    private final int microBatches;
    private final Reduction reduction;
    private int added;

    public GradientAccumulator(int microBatches, Reduction reduction) {
        Checks.positive("microBatches", microBatches);
        this.microBatches = microBatches;
        this.reduction = reduction;
    }

    public int microBatches() {
        return microBatches;
    }

    public Reduction reduction() {
        return reduction;
    }

    /** Micro-batches added since the last ready step. */
    public int pending() {
        return added;
    }

    /**
     * Adds one micro-batch's gradients into {@code step} (same block count and lengths). Returns true when this was
     * the K-th: {@code step} then holds the reduced gradient and the next call starts a new step.
     */
    public boolean add(List<float[]> micro, List<float[]> step) {
        // on every micro-batch: the messages are built only when a check fails
        if (micro.size() != step.size()) {
            throw InvalidInputException.of("micro (" + micro.size() + " blocks) must have as many blocks as step (" + step.size() + ")");
        }
        for (int b = 0; b < micro.size(); b++) {
            float[] m = micro.get(b), s = step.get(b);
            if (m.length != s.length) {
                throw InvalidInputException.of("micro block " + b + " (" + m.length + " values) must be as long as step block " + b + " (" + s.length + ")");
            }
        }
        for (int b = 0; b < micro.size(); b++) {
            float[] m = micro.get(b), s = step.get(b);
            if (added == 0) {
                System.arraycopy(m, 0, s, 0, m.length);
            } else {
                for (int i = 0; i < m.length; i++) s[i] += m[i];
            }
        }
        if (++added < microBatches) return false;
        reduce(step);
        return true;
    }

    /**
     * Ends a step early with the micro-batches added so far (the last, shorter step of an epoch): {@code step} then
     * holds their reduced gradient, the mean dividing by their count. Returns false, changing nothing, when none
     * are pending.
     */
    public boolean flush(List<float[]> step) {
        if (added == 0) return false;
        reduce(step);
        return true;
    }

    private void reduce(List<float[]> step) {
        if (reduction == Reduction.MEAN && added > 1) {
            float k = added;
            for (float[] s : step) {
                for (int i = 0; i < s.length; i++) s[i] /= k;
            }
        }
        added = 0;
    }
}
