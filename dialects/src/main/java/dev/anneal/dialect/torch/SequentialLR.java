package dev.anneal.dialect.torch;

import dev.anneal.schedule.InvalidInputException;

import dev.anneal.dialect.Py;
import dev.anneal.dialect.Segments;
import dev.anneal.schedule.Checks;
import dev.anneal.spec.Form;
import dev.anneal.convert.Portable;
import dev.anneal.schedule.Constant;
import dev.anneal.schedule.Range;
import dev.anneal.schedule.Schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * {@code torch.SequentialLR(lr=0.1, schedulers=[torch.LinearLR(start_factor=0.1, total_iters=10),
 * torch.CosineAnnealingLR(T_max=90)], milestones=[10])}: the first scheduler until the first milestone, then the
 * next, and so on. The items are written without lr: they act on this optimizer, built in list order.
 *
 * <p>At a milestone m PyTorch restarts the next scheduler with {@code step(0)}: its step-0 value comes from its
 * closed form on its base lr (not from the lr the previous scheduler left), and step k is that scheduler's step
 * k − m. So {@code [ExponentialLR(gamma=0.9), ExponentialLR(gamma=0.5)], milestones=[5]} jumps from 0.1·0.9⁴ back to
 * 0.1 at step 5. The closed form at 0 has its own quirks, kept here: ConstantLR(total_iters=0) restarts at lr (not
 * lr·factor), and LinearLR or PolynomialLR with total_iters=0 raise ZeroDivisionError at the milestone.
 *
 * <p>Building the items changes the optimizer: the base lr of each item is the optimizer's initial_lr when it is
 * built, which OneCycleLR overwrites (max_lr/div_factor) and a CyclicLR built first sets to its base_lr; and
 * SequentialLR then resets the lr to the last initial_lr. This record computes each item's value in closed form
 * from those base lrs. It replays PyTorch step by step ({@link Replay}, O(k) per value) only where no closed form
 * exists: a milestone 0 (never met exactly: the second scheduler then takes over at step 1 with a plain step()),
 * two OneCycleLRs (they share the param group's endpoints), or a CosineAnnealingLR first whose base lr is not the
 * lr it starts from. Items cannot be SequentialLR, ChainedScheduler or ReduceLROnPlateau (PyTorch fails on the
 * first two at construction or at their milestone, and the third needs metrics).
 */
public record SequentialLR(double lr, List<LrScheduler> schedulers, List<Long> milestones) implements Portable {

    public SequentialLR {
        Checks.nonNegative("lr", lr);
        if (schedulers == null || schedulers.isEmpty()) {
            throw Checks.fail("schedulers", "[]", "must name at least one scheduler");
        }
        double optimizerLr = lr;
        schedulers = schedulers.stream().map(s -> s.withLr(optimizerLr)).toList();
        if (milestones == null) throw Checks.fail("milestones", null, "must be a list of steps");
        milestones = List.copyOf(milestones);
        if (milestones.size() != schedulers.size() - 1) {
            // PyTorch's own message
            throw Checks.fail("milestones", milestones, "must have one item fewer than schedulers: Sequential Schedulers expects "
                    + "number of schedulers provided to be one more than the number of milestone points, but got number of "
                    + "schedulers " + schedulers.size() + " and the number of milestones to be equal to " + milestones.size());
        }
        for (int i = 0; i < milestones.size(); i++) {
            Checks.nonNegative("milestones[" + i + "]", milestones.get(i));
            // PyTorch bisects the list, which presumes it sorted.
            if (i > 0 && milestones.get(i) < milestones.get(i - 1)) {
                throw Checks.fail("milestones", milestones, "must be in non-decreasing order");
            }
        }
    }

    /** What building the items did to the optimizer, and the items with the lr each one computes from. */
    private record Plan(List<LrScheduler> effective, boolean replay) {}

    private Plan plan() {
        int n = schedulers.size();
        double lrNow = lr, initial = Double.NaN;
        double[] base = new double[n];
        int oneCycles = 0;
        for (int i = 0; i < n; i++) {
            LrScheduler s = schedulers.get(i);
            if (s instanceof CyclicLR c) lrNow = c.baseLr(); // set before its constructor reads initial_lr
            if (s instanceof OneCycleLR o) {
                initial = o.initialLr(); // overwritten, not defaulted
                oneCycles++;
            } else if (Double.isNaN(initial)) {
                initial = lrNow;
            }
            base[i] = initial;
        }
        double reset = initial; // SequentialLR: group["lr"] = group["initial_lr"]
        LrScheduler first = schedulers.get(0);
        boolean replay = milestones.contains(0L) || oneCycles > 1
                || (first instanceof CosineAnnealingLR && Double.compare(reset, base[0]) != 0);
        List<LrScheduler> effective = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LrScheduler s = schedulers.get(i);
            // The first scheduler starts from the reset lr; warm restarts compute from base_lrs; the others restart
            // from their own base lr.
            double from = i == 0 && !(s instanceof CosineAnnealingWarmRestarts) ? reset : base[i];
            effective.add(s.withLr(from));
        }
        return new Plan(effective, replay);
    }

    @Override
    public double at(long step) {
        long k = TorchPy.clamp(step);
        Plan plan = plan();
        if (plan.replay()) return Replay.sequential(this, k).lr;
        int i = Replay.bisectRight(milestones, k);
        LrScheduler s = plan.effective().get(i);
        long local = i == 0 ? k : k - milestones.get(i - 1);
        try {
            return i == 0 ? s.at(local) : restartedAt(s, local);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(this + ": step " + k + " is step " + local + " of schedulers[" + i
                    + "], which raises: " + e.getMessage(), e);
        }
    }

    /** A scheduler restarted by step(0) at a milestone, then stepped {@code local} times. */
    private static double restartedAt(LrScheduler s, long local) {
        return switch (s) {
            case ConstantLR c -> c.restartedAt(local);
            case LinearLR l when l.totalIters() == 0 -> throw dividesByZero(l, local);
            case PolynomialLR p when p.totalIters() == 0 -> throw dividesByZero(p, local);
            case CosineAnnealingLR c -> c.closed(local);
            default -> s.at(local);
        };
    }

    /** LinearLR or PolynomialLR with total_iters 0, restarted: PyTorch's closed form divides by total_iters. */
    private static InvalidInputException dividesByZero(LrScheduler s, long local) {
        return TorchPy.failure(s, local, "(restarted by a SequentialLR milestone) is PyTorch's closed form, "
                + "which divides by total_iters (0) (ZeroDivisionError)");
    }

    /** The value computed by replaying PyTorch step by step: for the tests, which compare it with {@link #at}. */
    double replayAt(long step) {
        return Replay.sequential(this, TorchPy.clamp(step)).lr;
    }

    @Override
    public Map<String, Schedule> companions() {
        boolean cycles = schedulers.stream().anyMatch(s -> s instanceof CyclicLR c && c.cycleMomentum()
                || s instanceof OneCycleLR o && o.cycleMomentum());
        if (!cycles) return Map.of();
        return Map.of("momentum", Schedule.of("momentum of " + spec(), t -> Replay.sequential(this, t).momentum));
    }

    @Override
    public OptionalLong duration() {
        OptionalLong last = schedulers.getLast().duration();
        if (milestones.isEmpty() || last.isEmpty()) return last;
        long m = milestones.getLast();
        long d = last.getAsLong() + (m == 0 ? 1 : 0); // after a milestone 0 the last scheduler runs one step late
        return OptionalLong.of(m + d < 0 ? Long.MAX_VALUE : m + d);
    }

    @Override
    public Range range() {
        Plan plan = plan();
        if (plan.replay()) return Range.UNBOUNDED;
        Range r = null;
        for (LrScheduler s : plan.effective()) {
            Range one = s.range().union(TorchPy.loose(Range.point(s.lr())));
            r = r == null ? one : r.union(one);
        }
        return r;
    }

    @Override
    public String spec() {
        return TorchPy.call("SequentialLR", Py.kw("lr", lr),
                "schedulers=" + Py.list(schedulers.stream().map(LrScheduler::item).toList()),
                "milestones=" + Py.list(milestones));
    }

    @Override
    public Form nativeForm() {
        Plan plan = plan();
        if (plan.replay()) {
            return Form.none("PyTorch's shared optimizer state has no closed form here (a milestone 0, two OneCycleLRs, or a "
                    + "CosineAnnealingLR first whose base lr is not the lr it starts from): Anneal replays it step by step");
        }
        List<Schedule> pieces = new ArrayList<>();
        for (int i = 0; i < plan.effective().size(); i++) {
            LrScheduler s = plan.effective().get(i);
            Form form = i == 0 ? s.nativeForm() : restartedForm(s);
            if (i < milestones.size() && s instanceof CosineAnnealingLR c) {
                form = c.nativeForm(milestones.get(i) - (i == 0 ? 0 : milestones.get(i - 1))); // cut before it climbs back
            }
            if (!(form instanceof Form.Found(Schedule piece))) {
                return Form.none("schedulers[" + i + "] (" + s.item() + ") has no native form: " + ((Form.Missing) form).reason());
            }
            pieces.add(piece);
        }
        return Segments.join(pieces, milestones);
    }

    /** The native form of a scheduler restarted at a milestone: {@link #restartedAt} differs for total_iters 0. */
    private static Form restartedForm(LrScheduler s) {
        return switch (s) {
            case ConstantLR c when c.totalIters() == 0 -> Form.of(new Constant(c.restartedAt(0)));
            case LinearLR l when l.totalIters() == 0 -> Form.none("its restart at the milestone divides by total_iters (0)");
            case PolynomialLR p when p.totalIters() == 0 -> Form.none("its restart at the milestone divides by total_iters (0)");
            default -> s.nativeForm();
        };
    }

    @Override
    public String toString() {
        return spec();
    }
}
