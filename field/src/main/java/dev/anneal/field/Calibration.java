package dev.anneal.field;

import dev.anneal.djl.FashionMnist;
import dev.anneal.djl.Images;

/** Expected calibration error (Guo et al. 2017): confidence against accuracy in 15 equal-width bins of confidence. */
final class Calibration {
    static final int BINS = 15;

    private Calibration() {}

    /** Σ_bins (n_b / n)·|accuracy_b − mean confidence_b|, confidence being the top class's probability. */
    static double expectedError(float[] probabilities, Images images) {
        int k = FashionMnist.CLASSES, n = images.size();
        double[] confidence = new double[BINS], correct = new double[BINS];
        int[] count = new int[BINS];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int c = 1; c < k; c++) if (probabilities[i * k + c] > probabilities[i * k + best]) best = c;
            double top = probabilities[i * k + best];
            int bin = Math.min(BINS - 1, (int) (top * BINS));
            confidence[bin] += top;
            correct[bin] += best == images.label(i) ? 1 : 0;
            count[bin]++;
        }
        double ece = 0;
        for (int b = 0; b < BINS; b++) if (count[b] > 0) ece += Math.abs(correct[b] - confidence[b]) / n;
        return ece;
    }
}
