package dev.anneal.optim.grad;

import dev.anneal.schedule.Checks;

/**
 * A numerical fault: the gradients were inf or NaN step after step, each backoff lowered the dynamic loss scale, and
 * it would fall so low that its reciprocal no longer fits a float (below about 2⁻¹²⁸, or 0). From there every
 * unscaled gradient is inf or NaN whatever the loss, so training cannot go on. PyTorch's {@code GradScaler} keeps
 * backing off to 0 and skips every step from then on without a word; the pipeline stops instead and says why: the
 * consecutive non-finite steps, the scale before the first of them and the one the backoff would set, and the last
 * step's first non-finite gradient. Parameters, optimizer state and the pipeline's state are as they were before
 * the step (ADR 0025).
 */
public final class LossScaleUnderflow extends ArithmeticException {
    private final long skippedInARow;

    LossScaleUnderflow(long skippedInARow, float fromScale, float scale, Verdict.Skip lastSkip) {
        super("the dynamic loss scale underflowed: after " + skippedInARow + " consecutive steps with non-finite gradients it fell from "
                + Checks.format((double) fromScale) + " to " + Checks.format((double) scale)
                + ", where 1/scale is not a finite float; the gradients are inf or NaN at any scale (the last: "
                + lastSkip.reason() + ")");
        this.skippedInARow = skippedInARow;
    }

    /** The consecutive steps with non-finite gradients that brought the scale down. */
    public long skippedInARow() {
        return skippedInARow;
    }
}
