package dev.anneal.dialect.torch;

import dev.anneal.spec.Form;
import dev.anneal.dialect.Py;
import dev.anneal.schedule.Checks;
import dev.anneal.schedule.Exponential;
import dev.anneal.schedule.Constant;
import dev.anneal.schedule.MultiStep;
import dev.anneal.schedule.Range;

import java.util.List;
import java.util.OptionalLong;

/**
 * {@code torch.MultiStepLR(lr=0.1, milestones=[30, 80], gamma=0.1)}: the lr times gamma at each milestone,
 * {@code lr·gamma^(number of milestones ≤ k)}. As in PyTorch (a Counter), milestones may come in any order, a
 * repeated one multiplies by gamma once per repetition, and a milestone 0 applies from step 0 on. Example:
 * {@code torch.MultiStepLR(lr=0.1, milestones=[30, 80])} is 0.1 at step 29, 0.01 at 30, 0.001 from 80 on.
 */
public record MultiStepLR(double lr, List<Long> milestones, double gamma) implements LrScheduler {

    public static final double GAMMA = 0.1;

    public MultiStepLR {
        Checks.nonNegative("lr", lr);
        if (milestones == null) throw Checks.fail("milestones", null, "must be a list of steps");
        milestones = List.copyOf(milestones);
        for (int i = 0; i < milestones.size(); i++) {
            // PyTorch never reaches a negative milestone; Anneal rejects it rather than ignore it silently.
            Checks.nonNegative("milestones[" + i + "]", milestones.get(i));
        }
        Checks.nonNegative("gamma", gamma);
    }

    @Override
    public double at(long step) {
        long t = TorchPy.clamp(step);
        int passed = 0;
        for (long m : milestones) if (m <= t) passed++;
        return Exponential.decayed(lr, gamma, passed);
    }

    @Override
    public Form nativeForm() {
        if (milestones.isEmpty()) return Form.of(new Constant(lr));
        return Form.of(new MultiStep(lr, milestones.stream().sorted().toList(), gamma));
    }

    @Override
    public OptionalLong duration() {
        return OptionalLong.of(milestones.stream().mapToLong(Long::longValue).max().orElse(0));
    }

    @Override
    public Range range() {
        return Range.hull(lr, at(Long.MAX_VALUE));
    }

    @Override
    public LrScheduler withLr(double lr) {
        return new MultiStepLR(lr, milestones, gamma);
    }

    @Override
    public List<String> arguments() {
        return TorchPy.args("milestones=" + Py.list(milestones), Py.kw("gamma", gamma, GAMMA));
    }

    @Override
    public String toString() {
        return spec();
    }
}
