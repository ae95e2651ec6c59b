package dev.anneal.dialect.torch;

import dev.anneal.spec.Form;
import dev.anneal.dialect.Py;
import dev.anneal.schedule.Checks;
import dev.anneal.schedule.Constant;
import dev.anneal.schedule.Linear;
import dev.anneal.schedule.Range;

import java.util.List;
import java.util.OptionalLong;

/**
 * {@code torch.LinearLR(lr=0.1, start_factor=1/3, end_factor=1.0, total_iters=5)}: the lr times a factor that moves
 * linearly from start_factor to end_factor over total_iters steps, {@code lr·(s + (e − s)·min(k, T)/T)}, then holds.
 *
 * <p>PyTorch multiplies the lr by {@code 1 + (e − s)/(T·s + (k − 1)·(e − s))} at each step. Before T the closed form
 * agrees with that product to a few ulps; at T it does not when end_factor is 0: the last factor is not exactly 0
 * but about −2.2e-16, so PyTorch's lr ends (and stays) at a tiny value such as −2.2e-19 instead of 0. From step T
 * on this record therefore takes the closed form at T − 1 and applies PyTorch's last factor to it (O(1), no loop).
 * With total_iters=0 the start factor applied at construction is never undone. Example:
 * {@code torch.LinearLR(lr=0.1, start_factor=0.1, total_iters=10)} is 0.01 at step 0, 0.055 at 5, 0.1 from 10 on.
 */
public record LinearLR(double lr, double startFactor, double endFactor, long totalIters) implements LrScheduler {

    public static final double START_FACTOR = 1.0 / 3, END_FACTOR = 1.0;
    public static final long TOTAL_ITERS = 5;

    public LinearLR {
        Checks.nonNegative("lr", lr);
        // PyTorch's documented rule; its code lets 0 through and then divides by it at step 1.
        Checks.inLeftOpen("start_factor", startFactor, 0, 1);
        // PyTorch's step-1 factor 1 + (e − s)/(T·s) is then infinite, and lr·s·∞ NaN (or ∞).
        if (!Double.isFinite(1 / startFactor)) {
            throw Checks.fail("start_factor", startFactor, "is too small: PyTorch's factor at step 1, 1 + (end_factor − start_factor)/"
                    + "(total_iters·start_factor), would not be finite");
        }
        // PyTorch: "Ending multiplicative factor expected to be between 0 and 1."
        Checks.inClosed("end_factor", endFactor, 0, 1);
        // PyTorch does not check; a negative total_iters is never reached (the start factor stays forever).
        Checks.nonNegative("total_iters", totalIters);
    }

    @Override
    public double at(long step) {
        long t = TorchPy.clamp(step);
        if (totalIters == 0) return lr * startFactor;
        if (t < totalIters) return closed(t);
        return closed(totalIters - 1) * factor(totalIters);
    }

    /** PyTorch's _get_closed_form_lr. */
    private double closed(long t) {
        return lr * (startFactor + (endFactor - startFactor) * t / totalIters);
    }

    /** PyTorch's chainable get_lr: the factor applied at step k, 1 ≤ k ≤ total_iters. */
    double factor(long k) {
        return 1. + (endFactor - startFactor) / (totalIters * startFactor + (k - 1) * (endFactor - startFactor));
    }

    @Override
    public Form nativeForm() {
        if (totalIters == 0) return Form.of(new Constant(lr * startFactor));
        // With end_factor 0 PyTorch's last value is a rounding residue (−2.2e-19, say), not the 0 linear(…) gives.
        if (endFactor == 0 && at(totalIters) != 0) return Form.none("end_factor 0 leaves PyTorch's lr at a rounding residue ("
                + at(totalIters) + ") from step total_iters on, where linear(…) reaches 0");
        return Form.of(new Linear(lr * startFactor, lr * endFactor, totalIters));
    }

    @Override
    public OptionalLong duration() {
        return OptionalLong.of(totalIters);
    }

    @Override
    public Range range() {
        return TorchPy.loose(Range.hull(lr * startFactor, lr * endFactor, at(totalIters)));
    }

    @Override
    public LrScheduler withLr(double lr) {
        return new LinearLR(lr, startFactor, endFactor, totalIters);
    }

    @Override
    public List<String> arguments() {
        return TorchPy.args(Py.kw("start_factor", startFactor, START_FACTOR), Py.kw("end_factor", endFactor, END_FACTOR),
                Py.kw("total_iters", totalIters, TOTAL_ITERS));
    }

    @Override
    public String toString() {
        return spec();
    }
}
