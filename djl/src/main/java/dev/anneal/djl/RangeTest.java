package dev.anneal.djl;

import dev.anneal.schedule.Schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * The LR range test (Smith 2017, "Cyclical Learning Rates"; fastai's {@code lr_find}): raise the rate
 * exponentially from {@code minLr} to {@code maxLr} over at most {@code steps} updates, smooth the loss with a
 * bias-corrected exponential moving average, and stop once it exceeds {@code divergence} × its best. The network
 * and the training's optimizer are restored afterwards.
 *
 * @param minLr      first rate, > 0
 * @param maxLr      last rate, > minLr
 * @param steps      updates in the sweep, ≥ 10
 * @param smoothing  β of the moving average, in [0, 1)
 * @param divergence stop when the smoothed loss exceeds this multiple of its minimum, > 1
 */
public record RangeTest(double minLr, double maxLr, int steps, double smoothing, double divergence) {
    /** Points left out of the suggestions at each end (fastai skips 10 and 5): the start is noisy, the end diverging. */
    private static final int SKIP_START = 10, SKIP_END = 5;

    public RangeTest {
        if (!(minLr > 0)) throw new IllegalArgumentException("minLr (" + minLr + ") must be > 0");
        if (!(maxLr > minLr) || Double.isInfinite(maxLr)) throw new IllegalArgumentException("maxLr (" + maxLr + ") must be > minLr (" + minLr + ") and finite");
        if (steps < 10) throw new IllegalArgumentException("steps (" + steps + ") must be >= 10");
        if (!(smoothing >= 0 && smoothing < 1)) throw new IllegalArgumentException("smoothing (" + smoothing + ") must be in [0, 1)");
        if (!(divergence > 1)) throw new IllegalArgumentException("divergence (" + divergence + ") must be > 1");
    }

    /**
     * The sweep as a schedule: {@code minLr · (maxLr/minLr)^(t/(steps−1))}, clamped to [minLr, maxLr] so that its
     * range is bounded and a schedule set can refer to it (one-cycle momentum: {@code rescale(counter(lr), …)}).
     */
    public Schedule sweep() {
        return Schedule.exponential(minLr, Math.pow(maxLr / minLr, 1.0 / (steps - 1))).clamp(minLr, maxLr);
    }

    /**
     * The test's curve and suggestions.
     *
     * @param lrs      the rate of each update
     * @param losses   the raw training loss of each update
     * @param smoothed the bias-corrected moving average of the loss
     * @param steepest the rate where the smoothed loss falls fastest against log(lr)
     * @param valley   fastai's valley rule: two thirds into the longest stretch of falling loss
     */
    public record Result(List<Double> lrs, List<Double> losses, List<Double> smoothed, double steepest, double valley, String stopped) {}

    /**
     * Runs the sweep on {@code training}'s network with {@code sweeping} (the training's rule, with {@link #sweep()}
     * as every group's lr), then restores the network and the training's optimizer.
     */
    public Result run(Training training, Images images, AnnealOptimizer sweeping) {
        sweeping.assign(training.parameters());
        Schedule sweep = sweep();
        byte[] before = training.snapshot();
        AnnealOptimizer own = training.swap(sweeping);
        List<Double> lrs = new ArrayList<>(), losses = new ArrayList<>(), smoothed = new ArrayList<>();
        String[] stopped = {"the sweep reached maxLr"};
        double[] average = {0}, best = {Double.POSITIVE_INFINITY};
        try {
            for (int epoch = 0; lrs.size() < steps && stopped[0].startsWith("the sweep"); epoch++) {
                training.epoch(images, epoch, s -> {
                    double loss = s.loss();
                    average[0] = smoothing * average[0] + (1 - smoothing) * loss;
                    double value = average[0] / (1 - Math.pow(smoothing, lrs.size() + 1));
                    lrs.add(sweep.at(s.step())); // every group's lr (the trace's column is lr or group.lr)
                    losses.add(loss);
                    smoothed.add(value);
                    best[0] = Math.min(best[0], value);
                    if (value > divergence * best[0]) {
                        stopped[0] = "the smoothed loss passed " + divergence + " × its best";
                        return false;
                    }
                    return lrs.size() < steps;
                });
            }
        } catch (Diverged diverged) { // the loss became NaN or infinite: the sweep has gone past every useful rate
            stopped[0] = "the loss became non-finite";
        } finally {
            training.swap(own);
            training.restore(before);
        }
        if (lrs.size() < SKIP_START + SKIP_END + 2) {
            throw new IllegalArgumentException("the range test stopped after " + lrs.size() + " steps (" + stopped[0]
                    + "): lower minLr or give more images");
        }
        return new Result(lrs, losses, smoothed, steepest(lrs, smoothed), valley(lrs, smoothed), stopped[0]);
    }

    /** The rate where the smoothed loss has its most negative slope per step (rates are evenly spaced in log). */
    static double steepest(List<Double> lrs, List<Double> losses) {
        int end = losses.size() - SKIP_END, best = SKIP_START;
        double slope = Double.POSITIVE_INFINITY;
        for (int i = SKIP_START; i < end; i++) {
            double d = (losses.get(i + 1) - losses.get(i - 1)) / 2; // central difference, as numpy.gradient
            if (d < slope) {
                slope = d;
                best = i;
            }
        }
        return lrs.get(best);
    }

    /** fastai's valley: the longest decreasing subsequence of the loss, then two thirds of the way along it. */
    static double valley(List<Double> lrs, List<Double> losses) {
        int n = losses.size();
        int[] length = new int[n];
        int maxStart = 0, maxEnd = 0;
        for (int i = 0; i < n; i++) {
            length[i] = 1;
            for (int j = 0; j < i; j++) {
                if (losses.get(i) < losses.get(j) && length[i] < length[j] + 1) length[i] = length[j] + 1;
            }
            if (length[i] > length[maxEnd]) {
                maxEnd = i;
                maxStart = maxEnd - length[maxEnd];
            }
        }
        double sections = (maxEnd - maxStart) / 3.0;
        int index = maxStart + (int) sections + (int) (sections / 2);
        return lrs.get(Math.max(0, Math.min(n - 1, index)));
    }
}
