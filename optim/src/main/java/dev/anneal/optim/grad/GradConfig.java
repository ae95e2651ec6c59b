package dev.anneal.optim.grad;

import java.util.Objects;

/**
 * How the gradient pipeline treats gradients between the backward pass and the update.
 *
 * @param clipping    global-norm, value or no clipping
 * @param lossScaling dynamic loss scaling or none
 * @param fp16        emulate gradients computed in half precision: round every (scaled) gradient value to the
 *                    nearest half before unscaling, counting overflows and underflows
 */
public record GradConfig(Clipping clipping, LossScaling lossScaling, boolean fp16) {

    public GradConfig {
        Objects.requireNonNull(clipping, "clipping");
        Objects.requireNonNull(lossScaling, "lossScaling");
    }

    /** No clipping, no loss scaling, float32 gradients: only the non-finite check. */
    public static GradConfig plain() {
        return new GradConfig(Clipping.none(), LossScaling.off(), false);
    }

    public GradConfig withClipping(Clipping c) {
        return new GradConfig(c, lossScaling, fp16);
    }

    public GradConfig withLossScaling(LossScaling s) {
        return new GradConfig(clipping, s, fp16);
    }

    public GradConfig withFp16(boolean on) {
        return new GradConfig(clipping, lossScaling, on);
    }
}
