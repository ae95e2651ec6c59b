package dev.anneal.dialect.torch;

import dev.anneal.spec.Form;
import dev.anneal.dialect.Py;
import dev.anneal.schedule.Checks;
import dev.anneal.schedule.Constant;
import dev.anneal.schedule.MultiStep;
import dev.anneal.schedule.Range;

import java.util.List;
import java.util.OptionalLong;

/**
 * {@code torch.ConstantLR(lr=0.1, factor=1/3, total_iters=5)}: lr·factor for the first total_iters steps, then the
 * lr again. Computed as PyTorch does, in two multiplications: {@code lr·factor}, then {@code (lr·factor)·(1/factor)}
 * from total_iters on (not always exactly lr). Quirks kept: with total_iters=0 the factor applied at construction is
 * never undone; factor=0 is accepted, and step total_iters raises (PyTorch divides by the factor there).
 * Example: {@code torch.ConstantLR(lr=0.05, factor=0.5, total_iters=4)} is 0.025 at steps 0–3, 0.05 from 4 on.
 */
public record ConstantLR(double lr, double factor, long totalIters) implements LrScheduler {

    public static final double FACTOR = 1.0 / 3;
    public static final long TOTAL_ITERS = 5;

    public ConstantLR {
        Checks.nonNegative("lr", lr);
        // PyTorch: "Constant multiplicative factor expected to be between 0 and 1."
        Checks.inClosed("factor", factor, 0, 1);
        // PyTorch does not check; a negative total_iters is never reached (the factor stays forever).
        Checks.nonNegative("total_iters", totalIters);
        // From total_iters on PyTorch multiplies by 1/factor, which overflows for a subnormal factor: inf·0 is NaN.
        if (factor > 0 && totalIters > 0 && !Double.isFinite(lr * factor * (1.0 / factor))) {
            throw Checks.fail("factor", factor, "is too small: PyTorch's restore at total_iters, (lr·factor)·(1/factor), is not finite");
        }
    }

    @Override
    public double at(long step) {
        long t = TorchPy.clamp(step);
        double reduced = lr * factor;
        if (totalIters == 0 || t < totalIters) return reduced;
        if (factor == 0) {
            throw TorchPy.failure(this, t, (t == totalIters ? "" : "is never reached: step " + totalIters + " ")
                    + "divides the lr by factor (0) at total_iters (PyTorch raises ZeroDivisionError)");
        }
        return reduced * (1.0 / factor);
    }

    /** Restarted by SequentialLR at a milestone: PyTorch's closed form, lr·(factor + (0 >= total_iters)·(1 − factor)). */
    double restartedAt(long local) {
        return totalIters == 0 ? lr * (factor + (1 - factor)) : at(local);
    }

    @Override
    public Form nativeForm() {
        if (totalIters == 0) return Form.of(new Constant(lr * factor));
        if (factor == 0) return Form.none("factor 0 makes PyTorch divide by zero at step total_iters (" + totalIters + "): ZeroDivisionError");
        // multistep computes (lr·factor)·(1/factor)^1: the same two roundings as PyTorch.
        return Form.of(new MultiStep(lr * factor, List.of(totalIters), 1.0 / factor));
    }

    @Override
    public OptionalLong duration() {
        return OptionalLong.of(totalIters);
    }

    @Override
    public Range range() {
        return factor == 0 || totalIters == 0 ? Range.hull(lr * factor) : Range.hull(lr * factor, at(totalIters));
    }

    @Override
    public LrScheduler withLr(double lr) {
        return new ConstantLR(lr, factor, totalIters);
    }

    @Override
    public List<String> arguments() {
        return TorchPy.args(Py.kw("factor", factor, FACTOR), Py.kw("total_iters", totalIters, TOTAL_ITERS));
    }

    @Override
    public String toString() {
        return spec();
    }
}
