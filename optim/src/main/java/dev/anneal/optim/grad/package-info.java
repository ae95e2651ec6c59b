/**
 * Gradient handling between the backward pass and the update: accumulation over micro-batches
 * ({@link dev.anneal.optim.grad.GradientAccumulator}), then the {@link dev.anneal.optim.grad.GradientPipeline}:
 * half-precision emulation, unscaling, non-finite detection, clipping and dynamic loss scaling, returning a
 * {@link dev.anneal.optim.grad.Verdict} the optimizer obeys. Its state is a {@link dev.anneal.optim.grad.GradState}
 * of plain numbers.
 */
package dev.anneal.optim.grad;
