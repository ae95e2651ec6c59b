package dev.anneal.optim.grad;

import dev.anneal.schedule.Checks;
import dev.anneal.schedule.InvalidInputException;

/**
 * Everything the gradient pipeline remembers between steps, as plain numbers, so a checkpoint saves and restores
 * it exactly.
 *
 * @param scale          the loss scale the next backward pass multiplies the loss by (1 when scaling is off)
 * @param growthTracker  clean steps in a row since the scale last changed (PyTorch's {@code _growth_tracker})
 * @param steps          steps processed, applied or skipped
 * @param skippedSteps   steps skipped because a gradient was inf or NaN
 * @param clippedSteps   applied steps on which clipping changed the gradients
 * @param halfOverflows  finite gradient values that became ±inf when rounded to half precision
 * @param halfUnderflows non-zero gradient values that rounded into half precision's subnormal range or to zero
 */
public record GradState(float scale, int growthTracker, long steps, long skippedSteps, long clippedSteps,
                        long halfOverflows, long halfUnderflows) {

    public GradState {
        Checks.positive("scale", scale);
        Checks.nonNegative("growthTracker", growthTracker);
        Checks.nonNegative("steps", steps);
        Checks.nonNegative("skippedSteps", skippedSteps);
        Checks.nonNegative("clippedSteps", clippedSteps);
        Checks.nonNegative("halfOverflows", halfOverflows);
        Checks.nonNegative("halfUnderflows", halfUnderflows);
        if (skippedSteps + clippedSteps > steps) { // a new state every step: the message only when it fails
            throw InvalidInputException.of("skippedSteps (" + skippedSteps + ") + clippedSteps (" + clippedSteps + ") must be <= steps (" + steps + ")");
        }
    }

    /** The state before the first step. */
    public static GradState initial(LossScaling scaling) {
        return new GradState(scaling.initScale(), 0, 0, 0, 0, 0, 0);
    }

    /** Steps whose update was applied. */
    public long appliedSteps() {
        return steps - skippedSteps;
    }

    GradState withScale(float newScale, int newTracker) {
        return new GradState(newScale, newTracker, steps, skippedSteps, clippedSteps, halfOverflows, halfUnderflows);
    }

    GradState counted(boolean skipped, boolean clipped, long overflows, long underflows) {
        return new GradState(scale, growthTracker, steps + 1, skippedSteps + (skipped ? 1 : 0), clippedSteps + (clipped ? 1 : 0),
                halfOverflows + overflows, halfUnderflows + underflows);
    }
}
