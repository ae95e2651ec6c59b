package dev.anneal.dialect.torch;

import dev.anneal.spec.Form;
import dev.anneal.dialect.Py;
import dev.anneal.schedule.Checks;
import dev.anneal.schedule.Exponential;
import dev.anneal.schedule.Range;
import dev.anneal.schedule.Step;

import java.util.List;

/**
 * {@code torch.StepLR(lr=0.1, step_size=30, gamma=0.1)}: the lr times gamma every step_size steps,
 * {@code lr·gamma^⌊k/step_size⌋}. PyTorch multiplies once per drop (lr·γ·γ·…); the closed form agrees with that
 * product to a few ulps. Example: {@code torch.StepLR(lr=0.1, step_size=30)} is 0.1 at step 29, 0.01 at step 30.
 */
public record StepLR(double lr, long stepSize, double gamma) implements LrScheduler {

    public static final double GAMMA = 0.1;

    public StepLR {
        Checks.nonNegative("lr", lr);
        // PyTorch does not check: step_size 0 raises ZeroDivisionError at step 1, a negative one acts as its absolute value.
        Checks.positive("step_size", stepSize);
        Checks.nonNegative("gamma", gamma);
    }

    @Override
    public double at(long step) {
        return Exponential.decayed(lr, gamma, TorchPy.clamp(step) / stepSize);
    }

    @Override
    public Form nativeForm() {
        return Form.of(new Step(lr, stepSize, gamma));
    }

    @Override
    public Range range() {
        return TorchPy.geometric(lr, gamma);
    }

    @Override
    public LrScheduler withLr(double lr) {
        return new StepLR(lr, stepSize, gamma);
    }

    @Override
    public List<String> arguments() {
        return TorchPy.args(Py.kw("step_size", stepSize), Py.kw("gamma", gamma, GAMMA));
    }

    @Override
    public String toString() {
        return spec();
    }
}
