package dev.anneal.optim.grad;

import dev.anneal.schedule.Checks;

/**
 * What the gradient pipeline decided for one step: apply the update with the (unscaled, clipped) gradients, or
 * skip it because a gradient was not finite. Either way {@link #scale()} is the loss scale the gradients were
 * computed with, and {@link #nextScale()} the one for the next backward pass.
 */
public sealed interface Verdict {

    /** Whether the optimizer should apply the update. */
    boolean applies();

    float scale();

    float nextScale();

    /**
     * Apply the update.
     *
     * @param normBefore the global L2 norm of the unscaled gradients, before clipping
     * @param normAfter  the global L2 norm after clipping ({@code == normBefore} when clipping did not fire)
     * @param clipped    whether clipping changed any gradient value
     */
    record Apply(double normBefore, double normAfter, boolean clipped, float scale, float nextScale) implements Verdict {
        @Override
        public boolean applies() {
            return true;
        }
    }

    /**
     * Skip the update: parameters and optimizer state must stay as they are.
     *
     * @param nonFinite how many gradient values were inf or NaN (after unscaling)
     * @param block     the block of the first one
     * @param index     its index in the block
     * @param value     its value
     */
    record Skip(long nonFinite, int block, int index, float value, float scale, float nextScale) implements Verdict {
        @Override
        public boolean applies() {
            return false;
        }

        /** One line for logs, e.g. {@code gradient block 1 index 3 is NaN (2 non-finite values): step skipped, loss scale 65536 → 32768}. */
        public String reason() {
            return "gradient block " + block + " index " + index + " is " + value + " (" + nonFinite + " non-finite value"
                    + (nonFinite == 1 ? "" : "s") + "): step skipped"
                    + (scale == nextScale ? "" : ", loss scale " + Checks.format((double) scale) + " → " + Checks.format((double) nextScale));
        }
    }
}
