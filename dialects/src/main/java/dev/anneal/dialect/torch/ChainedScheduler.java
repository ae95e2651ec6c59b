package dev.anneal.dialect.torch;

import dev.anneal.schedule.InvalidInputException;

import dev.anneal.dialect.Py;
import dev.anneal.schedule.Checks;
import dev.anneal.spec.Form;
import dev.anneal.convert.Portable;
import dev.anneal.schedule.Product;
import dev.anneal.schedule.Range;
import dev.anneal.schedule.Schedule;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * {@code torch.ChainedScheduler(lr=0.1, schedulers=[torch.ConstantLR(factor=0.1, total_iters=2),
 * torch.ExponentialLR(gamma=0.9)])}: every scheduler steps the same optimizer, in list order, at every step; the
 * items are written without lr and built in list order (each construction already steps the lr once).
 *
 * <p>When every item multiplies the lr by a factor (StepLR, MultiStepLR, ConstantLR, LinearLR, ExponentialLR,
 * PolynomialLR, and CosineAnnealingLR with eta_min=0 up to its T_max), the value is the lr times the product of
 * their closed-form factors, O(1). Otherwise PyTorch's composition has no closed form and this record replays it
 * step by step ({@link Replay}, O(k)): CosineAnnealingLR with eta_min is affine, not a factor, and past T_max it
 * adds its own base lr back; CosineAnnealingWarmRestarts, CyclicLR and OneCycleLR overwrite the lr at each step, so
 * an item after them multiplies by its one-step factor (gamma, for ExponentialLR), not by its cumulative one.
 */
public record ChainedScheduler(double lr, List<LrScheduler> schedulers) implements Portable {

    public ChainedScheduler {
        Checks.nonNegative("lr", lr);
        if (schedulers == null || schedulers.isEmpty()) {
            // PyTorch: IndexError at construction
            throw Checks.fail("schedulers", "[]", "must name at least one scheduler");
        }
        double optimizerLr = lr;
        schedulers = schedulers.stream().map(s -> s.withLr(optimizerLr)).toList();
    }

    /** Whether step k is a product of the items' factors. */
    private boolean product(long k) {
        return schedulers.stream().allMatch(s -> factor(s, k));
    }

    /** Whether the item multiplies the lr by its closed-form factor at step k. */
    private static boolean factor(LrScheduler s, long k) {
        return switch (s) {
            case StepLR x -> true;
            case MultiStepLR x -> true;
            case ConstantLR x -> true;
            case LinearLR x -> true;
            case ExponentialLR x -> true;
            case PolynomialLR x -> true;
            case CosineAnnealingLR c -> c.etaMin() == 0 && k <= c.tMax();
            default -> false;
        };
    }

    @Override
    public double at(long step) {
        long k = TorchPy.clamp(step);
        if (!product(k)) return Replay.chained(this, k).lr;
        double value = lr;
        for (int i = 0; i < schedulers.size(); i++) {
            LrScheduler s = schedulers.get(i);
            try {
                value *= s.withLr(1).at(k);
            } catch (IllegalArgumentException unit) {
                try {
                    s.at(k); // the same failure, with the item's own lr in the message
                } catch (IllegalArgumentException e) {
                    throw InvalidInputException.of(this + ": step " + k + " raises in schedulers[" + i + "]: " + e.getMessage(), e);
                }
                throw unit;
            }
        }
        return value;
    }

    /** The value computed by replaying PyTorch step by step: for the tests, which compare it with {@link #at}. */
    double replayAt(long step) {
        return Replay.chained(this, TorchPy.clamp(step)).lr;
    }

    @Override
    public Map<String, Schedule> companions() {
        boolean cycles = schedulers.stream().anyMatch(s -> s instanceof CyclicLR c && c.cycleMomentum()
                || s instanceof OneCycleLR o && o.cycleMomentum());
        if (!cycles) return Map.of();
        return Map.of("momentum", Schedule.of("momentum of " + spec(), t -> Replay.chained(this, t).momentum));
    }

    @Override
    public OptionalLong duration() {
        long longest = 0;
        for (LrScheduler s : schedulers) {
            if (s.duration().isEmpty()) return OptionalLong.empty();
            longest = Math.max(longest, s.duration().getAsLong());
        }
        return OptionalLong.of(longest);
    }

    @Override
    public Range range() {
        if (!product(0) || schedulers.stream().anyMatch(s -> s instanceof CosineAnnealingLR)) return Range.UNBOUNDED;
        Range r = Range.point(lr);
        for (LrScheduler s : schedulers) r = r.times(s.withLr(1).range());
        return TorchPy.loose(r);
    }

    @Override
    public String spec() {
        return TorchPy.call("ChainedScheduler", Py.kw("lr", lr),
                "schedulers=" + Py.list(schedulers.stream().map(LrScheduler::item).toList()));
    }

    @Override
    public Form nativeForm() {
        Schedule product = null;
        for (int i = 0; i < schedulers.size(); i++) {
            LrScheduler s = schedulers.get(i);
            if (!factor(s, Long.MAX_VALUE)) {
                return Form.none("schedulers[" + i + "] (" + s.item() + ") does not multiply the lr by a factor at every step, so PyTorch's "
                        + "chain has no closed form (Anneal replays it step by step)");
            }
            Form factor = s.withLr(i == 0 ? lr : 1).nativeForm();
            if (!(factor instanceof Form.Found(Schedule f))) {
                return Form.none("schedulers[" + i + "] (" + s.item() + ") has no native form: " + ((Form.Missing) factor).reason());
            }
            // ((lr·f0)·f1)·…: PyTorch's order of multiplication
            product = product == null ? f : new Product(product, f);
        }
        return Form.of(product);
    }

    @Override
    public String toString() {
        return spec();
    }
}
