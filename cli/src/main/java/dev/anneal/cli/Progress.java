package dev.anneal.cli;

import dev.anneal.djl.Step;

import java.io.PrintWriter;
import java.util.Locale;

/** A one-line progress bar on stderr: epoch, step, the epoch's mean loss and accuracy so far, lr; redrawn at most a few times a second. */
final class Progress {
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 24;

    private final PrintWriter err;
    private final int epochs;
    private final long stepsPerEpoch;
    private long lastDraw;
    private int epoch = -1, steps;
    private boolean lineOpen;
    private double lossSum, accuracySum;

    Progress(PrintWriter err, int epochs, long stepsPerEpoch) {
        this.err = err;
        this.epochs = epochs;
        this.stepsPerEpoch = stepsPerEpoch;
    }

    /** Draws the epoch's running mean loss and accuracy at {@code s}. */
    void update(Step s) {
        if (s.epoch() != epoch) {
            epoch = s.epoch();
            steps = 0;
            lossSum = accuracySum = 0;
        }
        steps++;
        lossSum += s.loss();
        accuracySum += s.accuracy();
        long now = System.nanoTime();
        long inEpoch = s.step() - (long) s.epoch() * stepsPerEpoch + 1;
        boolean last = inEpoch >= stepsPerEpoch;
        if (!last && now - lastDraw < REDRAW_NANOS) return;
        lastDraw = now;
        int filled = (int) (WIDTH * inEpoch / stepsPerEpoch);
        err.printf(Locale.ROOT, "\repoch %d/%d [%s%s] step %d/%d loss %.4f acc %.3f lr %.3g",
                s.epoch() + 1, epochs, "#".repeat(filled), ".".repeat(WIDTH - filled), inEpoch, stepsPerEpoch,
                lossSum / steps, accuracySum / steps, s.lr());
        if (last) err.println();
        lineOpen = !last;
        err.flush();
    }

    /** Ends a half-drawn bar, so that what is printed next (an error) starts on a line of its own. */
    void endLine() {
        if (lineOpen) err.println();
        lineOpen = false;
        err.flush();
    }
}
