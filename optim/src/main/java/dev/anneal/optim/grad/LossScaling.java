package dev.anneal.optim.grad;

import dev.anneal.schedule.Checks;

/**
 * Loss scaling: off, static (a fixed scale; an overflowing step is skipped and the scale kept, as Apex's static
 * loss scale), or dynamic with PyTorch's {@code GradScaler} rule. The caller multiplies the loss by the
 * current scale before the backward pass; the pipeline divides the gradients by it again, skips the step when
 * they overflowed and adapts the scale:
 * <ul>
 *   <li>a step with an inf or NaN gradient is skipped, the scale is multiplied by {@code backoffFactor} and the
 *       growth tracker reset to 0;</li>
 *   <li>otherwise the tracker counts the step; when it reaches {@code growthInterval} the scale is multiplied by
 *       {@code growthFactor} and the tracker reset to 0.</li>
 * </ul>
 * The scale is a float32, updated as {@code (float) (scale · factor)} in double precision, as PyTorch's kernel
 * {@code amp_update_scale_cuda_kernel} does. One deliberate difference from PyTorch 1.13: a growth that would
 * overflow float32 leaves the scale unchanged (PyTorch 2.1 and later do the same; 1.13 let it become infinite,
 * after which every step is skipped).
 */
public sealed interface LossScaling {

    /** No scaling: the scale stays 1. */
    static LossScaling off() {
        return new Off();
    }

    /** PyTorch's defaults: initScale 65536, growthFactor 2, backoffFactor 0.5, growthInterval 2000. */
    static LossScaling dynamic() {
        return new Dynamic(65536f, 2.0, 0.5, 2000);
    }

    /** A fixed scale; a step whose gradients overflow is skipped, and the scale stays. */
    static LossScaling fixed(float scale) {
        return new Static(scale);
    }

    static LossScaling dynamic(float initScale, double growthFactor, double backoffFactor, int growthInterval) {
        return new Dynamic(initScale, growthFactor, backoffFactor, growthInterval);
    }

    /** The scale before the first step. */
    float initScale();

    /** No scaling. */
    record Off() implements LossScaling {
        @Override
        public float initScale() {
            return 1f;
        }
    }

    /** A fixed scale, {@code > 0} and finite. */
    record Static(float scale) implements LossScaling {
        public Static {
            Checks.positive("scale", scale);
        }

        @Override
        public float initScale() {
            return scale;
        }
    }

    /**
     * Dynamic loss scaling.
     *
     * @param initScale      the first scale; {@code > 0}, finite
     * @param growthFactor   multiplier after {@code growthInterval} clean steps in a row; {@code > 1}, finite
     * @param backoffFactor  multiplier after a step with an overflow; in {@code (0, 1)}
     * @param growthInterval clean steps in a row before the scale grows; {@code > 0}
     */
    record Dynamic(float initScale, double growthFactor, double backoffFactor, int growthInterval) implements LossScaling {
        public Dynamic {
            Checks.positive("initScale", initScale);
            if (!(growthFactor > 1) || growthFactor == Double.POSITIVE_INFINITY) {
                throw Checks.fail("growthFactor", growthFactor, "must be > 1 and finite");
            }
            if (!(backoffFactor > 0 && backoffFactor < 1)) throw Checks.fail("backoffFactor", backoffFactor, "must be in (0, 1)");
            Checks.positive("growthInterval", growthInterval);
        }

        /** The scale after a step with an overflow, as a float32. */
        float backedOff(float scale) {
            return (float) (scale * backoffFactor);
        }

        /** Whether a scale can still unscale: 1/scale is a finite float (the scale is above about 2⁻¹²⁸). */
        static boolean usable(float scale) {
            return scale > 0 && Float.isFinite((float) (1.0 / scale));
        }

        /** The scale and tracker after a step; {@code overflow} says whether its gradients held an inf or NaN. */
        GradState next(GradState s, boolean overflow) {
            if (overflow) return s.withScale(backedOff(s.scale()), 0);
            int successful = s.growthTracker() + 1;
            if (successful < growthInterval) return s.withScale(s.scale(), successful);
            float grown = (float) (s.scale() * growthFactor);
            return s.withScale(Float.isFinite(grown) ? grown : s.scale(), 0);
        }
    }
}
