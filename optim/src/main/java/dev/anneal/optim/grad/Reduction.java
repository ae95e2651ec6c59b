package dev.anneal.optim.grad;

/** How K micro-batch gradients combine into one step's gradient. */
public enum Reduction {
    /** {@code (g₁ + … + g_K) / K}: the gradient of the mean loss over the K micro-batches; the default. */
    MEAN,
    /**
     * {@code g₁ + … + g_K}: K times the mean, so for SGD and momentum it multiplies the effective step by K (as
     * calling {@code backward()} K times without dividing the loss by K does in PyTorch). Adam and AdamW divide by
     * the gradient's own scale and barely notice, except through ε and through clipping thresholds.
     */
    SUM
}
