package dev.anneal.dialect.torch;

import dev.anneal.convert.Portable;

import java.util.List;

/**
 * A scheduler of {@code torch.optim.lr_scheduler} that sets the lr of an optimizer on each {@code step()}, and can
 * therefore be an item of {@link SequentialLR} or {@link ChainedScheduler}. The value at step k is the
 * optimizer's lr after k calls of {@code scheduler.step()}.
 *
 * <p>Items of a list are written without {@code lr=}: they act on the optimizer of the enclosing scheduler, and
 * their {@link #lr()} is that optimizer's lr.
 */
public sealed interface LrScheduler extends Portable
        permits StepLR, MultiStepLR, ConstantLR, LinearLR, ExponentialLR, PolynomialLR, CosineAnnealingLR,
                CosineAnnealingWarmRestarts, CyclicLR, OneCycleLR {

    /** PyTorch's class name: {@code StepLR} (each record is named after its class). */
    default String torchName() {
        return getClass().getSimpleName();
    }

    /**
     * The optimizer's lr the scheduler starts from. CyclicLR and OneCycleLR set the lr themselves: theirs is their
     * own starting value (base_lr, max_lr/div_factor).
     */
    double lr();

    /** The same scheduler on an optimizer whose lr is {@code lr} (CyclicLR and OneCycleLR ignore it). */
    LrScheduler withLr(double lr);

    /** The constructor's keyword arguments but lr, as Python text, defaults left out: {@code [start_factor=0.1, total_iters=10]}. */
    List<String> arguments();

    /** The call as an item of a list: {@code torch.LinearLR(start_factor=0.1, total_iters=10)}, without lr. */
    default String item() {
        return TorchPy.call(torchName(), arguments());
    }

    /** The call on an optimizer with lr {@link #lr()}: {@code torch.LinearLR(lr=0.1, start_factor=0.1, total_iters=10)}. */
    @Override
    default String spec() {
        return TorchPy.withLr(torchName(), lr(), arguments());
    }
}
