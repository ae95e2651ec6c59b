package dev.anneal.optim.grad;

import dev.anneal.schedule.Checks;

/**
 * How gradients are clipped before the update: not at all, by their global L2 norm over every block, or
 * element-wise by value. The pipeline counts the steps on which clipping fired.
 */
public sealed interface Clipping {

    /** No clipping. */
    static Clipping none() {
        return new None();
    }

    /** Global-norm clipping, as {@code torch.nn.utils.clip_grad_norm_}; see {@link ByNorm}. */
    static Clipping byNorm(double maxNorm) {
        return new ByNorm(maxNorm);
    }

    /** Element-wise clamping into {@code [−limit, limit]}, as {@code torch.nn.utils.clip_grad_value_}. */
    static Clipping byValue(double limit) {
        return new ByValue(limit);
    }

    /** No clipping. */
    record None() implements Clipping {}

    /**
     * Global-norm clipping: with {@code ‖g‖} the L2 norm over all blocks together, every gradient is multiplied by
     * {@code c = maxNorm / (‖g‖ + 1e-6)} when {@code c < 1} (PyTorch's formula, the 1e-6 included), so the norm
     * afterwards is just under {@code maxNorm}.
     *
     * @param maxNorm the largest norm left untouched; {@code > 0}, finite
     */
    record ByNorm(double maxNorm) implements Clipping {
        /** PyTorch adds this to the norm before dividing, so a zero gradient never divides by zero. */
        public static final double EPSILON = 1e-6;

        public ByNorm {
            Checks.positive("maxNorm", maxNorm);
        }
    }

    /**
     * Element-wise clipping: every gradient value is clamped into {@code [−limit, limit]}.
     *
     * @param limit the largest magnitude left untouched; {@code > 0}, finite
     */
    record ByValue(double limit) implements Clipping {
        public ByValue {
            Checks.positive("limit", limit);
        }
    }
}
