package dev.anneal.dialect.torch;

import dev.anneal.spec.Form;
import dev.anneal.dialect.Py;
import dev.anneal.schedule.Checks;
import dev.anneal.schedule.Exponential;
import dev.anneal.schedule.Range;

import java.util.List;

/**
 * {@code torch.ExponentialLR(lr=0.1, gamma=0.9)}: {@code lr·gamma^k}. PyTorch multiplies by gamma once per step; the
 * product drifts from the closed form by about k ulps (1e-11 relative after 20000 steps). Example:
 * {@code torch.ExponentialLR(lr=1.0, gamma=0.5)} is 0.125 at step 3.
 */
public record ExponentialLR(double lr, double gamma) implements LrScheduler {

    public ExponentialLR {
        Checks.nonNegative("lr", lr);
        // PyTorch does not check; a negative gamma flips the sign of the lr at every step.
        Checks.nonNegative("gamma", gamma);
    }

    @Override
    public double at(long step) {
        // PyTorch multiplies step by step, so a zero lr stays zero where the closed form would give 0·∞ = NaN.
        return Exponential.decayed(lr, gamma, TorchPy.clamp(step));
    }

    @Override
    public Form nativeForm() {
        return Form.of(new Exponential(lr, gamma));
    }

    @Override
    public Range range() {
        return TorchPy.geometric(lr, gamma);
    }

    @Override
    public LrScheduler withLr(double lr) {
        return new ExponentialLR(lr, gamma);
    }

    @Override
    public List<String> arguments() {
        return TorchPy.args(Py.kw("gamma", gamma));
    }

    @Override
    public String toString() {
        return spec();
    }
}
