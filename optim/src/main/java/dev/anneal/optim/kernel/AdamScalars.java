package dev.anneal.optim.kernel;

/**
 * The scalars of one Adam/AdamW update, rounded to float once, each from its double value, as PyTorch casts the
 * Python floats it computes ({@code 1 − β} included: {@code (float) (1 − 0.9)} is 0.1f, while {@code 1f − 0.9f} is
 * 0.100000024f). See {@link dev.anneal.optim.Kernels#adam} for the update they enter.
 */
public record AdamScalars(float decoupledFactor, float weightDecay, float beta1, float oneMinusBeta1, float beta2,
                          float oneMinusBeta2, float eps, float stepSize, float bc2Sqrt) {

    /**
     * The scalars at update {@code t} (1-based): AdamW's {@code 1 − lr·λ} or Adam's L2 λ, the step size
     * {@code lr/(1−β1^t)} and {@code sqrt(1−β2^t)}, each 1 without bias correction.
     */
    public static AdamScalars of(double lr, double weightDecay, boolean decoupled, double beta1, double beta2, double eps,
                                 long t, boolean biasCorrection) {
        double bc1 = biasCorrection ? 1 - Math.pow(beta1, t) : 1;
        double bc2 = biasCorrection ? 1 - Math.pow(beta2, t) : 1;
        return new AdamScalars(decoupled ? (float) (1 - lr * weightDecay) : 1f, decoupled ? 0f : (float) weightDecay,
                (float) beta1, (float) (1 - beta1), (float) beta2, (float) (1 - beta2), (float) eps,
                (float) (lr / bc1), (float) Math.sqrt(bc2));
    }
}
