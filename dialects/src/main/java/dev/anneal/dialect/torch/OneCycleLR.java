package dev.anneal.dialect.torch;

import dev.anneal.spec.Form;
import dev.anneal.dialect.Py;
import dev.anneal.schedule.Checks;
import dev.anneal.schedule.Constant;
import dev.anneal.schedule.OneCycle;
import dev.anneal.schedule.Range;
import dev.anneal.schedule.Schedule;
import dev.anneal.schedule.Then;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * {@code torch.OneCycleLR(max_lr=0.1, total_steps=100, pct_start=0.3, anneal_strategy='cos', cycle_momentum=True,
 * base_momentum=0.85, max_momentum=0.95, div_factor=25.0, final_div_factor=1e4, three_phase=False)} (or
 * {@code epochs=E, steps_per_epoch=S} for total_steps = E·S): Smith's one-cycle policy with PyTorch's phases. The lr
 * rises from max_lr/div_factor to max_lr until step pct_start·total_steps − 1, then falls to
 * max_lr/(div_factor·final_div_factor) at step total_steps − 1 (three_phase: back to max_lr/div_factor at step
 * 2·pct_start·total_steps − 2 first). Momentum runs the other way ({@link #companions()}).
 *
 * <p>PyTorch computes each step in closed form, and so does this record, phase loop and all. Its quirks: step
 * total_steps is still allowed and extrapolates the last phase (a cosine past its end turns back up; linear goes
 * below the final lr), and the next step raises — {@link #at} throws an IllegalArgumentException naming the step.
 * A phase of length 0 divides by 0: at construction when pct_start·total_steps = 1, at step total_steps when the
 * last phase is empty (pct_start = 1, say). Example: {@code torch.OneCycleLR(max_lr=0.1, total_steps=100)} is
 * 0.004 at step 0 and 0.1 at step 29; step 101 is an error.
 */
public record OneCycleLR(double maxLr, long totalSteps, double pctStart, OneCycle.Anneal annealStrategy,
                         boolean cycleMomentum, double baseMomentum, double maxMomentum, double divFactor,
                         double finalDivFactor, boolean threePhase) implements LrScheduler {

    public static final double PCT_START = 0.3, BASE_MOMENTUM = 0.85, MAX_MOMENTUM = 0.95, DIV_FACTOR = 25,
            FINAL_DIV_FACTOR = 1e4;

    /** PyTorch's defaults. */
    public static OneCycleLR of(double maxLr, long totalSteps) {
        return new OneCycleLR(maxLr, totalSteps, PCT_START, OneCycle.Anneal.COS, true, BASE_MOMENTUM, MAX_MOMENTUM,
                DIV_FACTOR, FINAL_DIV_FACTOR, false);
    }

    public OneCycleLR {
        Checks.nonNegative("max_lr", maxLr);
        // PyTorch: "Expected positive integer total_steps", "Expected float between 0 and 1 pct_start",
        // "anneal_strategy must by one of 'cos' or 'linear'".
        Checks.positive("total_steps", totalSteps);
        Checks.inClosed("pct_start", pctStart, 0, 1);
        if (annealStrategy == null) throw Checks.fail("anneal_strategy", null, "must be one of cos, linear");
        Checks.finite("base_momentum", baseMomentum);
        Checks.finite("max_momentum", maxMomentum);
        // PyTorch divides by both at construction (ZeroDivisionError for 0); Anneal also rejects negatives.
        Checks.positive("div_factor", divFactor);
        Checks.positive("final_div_factor", finalDivFactor);
        // max_lr/div_factor = ∞ would make every phase ∞ − ∞ = NaN, as in PyTorch.
        if (!Double.isFinite(maxLr / divFactor)) {
            throw Checks.fail("div_factor", divFactor, "is too small for max_lr (" + Checks.format(maxLr) + "): max_lr/div_factor is not finite");
        }
        if (!Double.isFinite(maxLr / divFactor / finalDivFactor)) {
            throw Checks.fail("final_div_factor", finalDivFactor, "is too small for max_lr/div_factor (" + Checks.format(maxLr / divFactor)
                    + "): max_lr/(div_factor·final_div_factor) is not finite");
        }
        double firstEnd = pctStart * totalSteps - 1;
        if (firstEnd == 0) {
            throw Checks.fail("pct_start", pctStart, "makes the first phase 0 steps long (pct_start·total_steps = 1, total_steps "
                    + totalSteps + "): PyTorch divides by its length at step 0 (ZeroDivisionError)");
        }
    }

    @Override
    public double at(long step) {
        return value(TorchPy.clamp(step), false, initialLr(), maxLr, minLr(), maxMomentum, baseMomentum);
    }

    /** The momentum PyTorch sets at step k. */
    public double momentumAt(long step) {
        return value(TorchPy.clamp(step), true, initialLr(), maxLr, minLr(), maxMomentum, baseMomentum);
    }

    /** max_lr/div_factor: the first value (PyTorch's initial_lr). */
    public double initialLr() {
        return maxLr / divFactor;
    }

    /** initial_lr/final_div_factor: the value at step total_steps − 1 (PyTorch's min_lr). */
    public double minLr() {
        return initialLr() / finalDivFactor;
    }

    /**
     * PyTorch's get_lr. The endpoints come as arguments because PyTorch reads them from the optimizer's param group,
     * where a second OneCycleLR on the same optimizer overwrites them (see Replay).
     */
    double value(long t, boolean momentum, double initial, double peak, double last, double maxM, double baseM) {
        if (t > totalSteps) {
            throw TorchPy.failure(this, t, "is past total_steps (" + totalSteps + "): PyTorch raises ValueError: Tried to step "
                    + (t + 1) + " times. The specified number of total steps is " + totalSteps);
        }
        double[] ends = threePhase
                ? new double[] {pctStart * totalSteps - 1, 2 * pctStart * totalSteps - 2, totalSteps - 1}
                : new double[] {pctStart * totalSteps - 1, totalSteps - 1};
        double start = 0;
        for (int i = 0; i < ends.length; i++) {
            double end = ends[i];
            if (t <= end || i == ends.length - 1) {
                if (end - start == 0) {
                    throw TorchPy.failure(this, t, "falls in a phase of length 0 (from step " + Py.num(start) + " to " + Py.num(end)
                            + "): PyTorch divides by its length (ZeroDivisionError)");
                }
                double pct = (t - start) / (end - start);
                return momentum ? anneal(momentumFrom(i, maxM, baseM), momentumTo(i, maxM, baseM), pct)
                        : anneal(lrFrom(i, initial, peak), lrTo(i, initial, peak, last), pct);
            }
            start = end;
        }
        throw new IllegalStateException("unreachable");
    }

    private double lrFrom(int phase, double initial, double peak) {
        return phase == 1 ? peak : initial;
    }

    private double lrTo(int phase, double initial, double peak, double last) {
        if (phase == 0) return peak;
        return threePhase && phase == 1 ? initial : last;
    }

    private double momentumFrom(int phase, double maxM, double baseM) {
        return phase == 1 ? baseM : maxM;
    }

    private double momentumTo(int phase, double maxM, double baseM) {
        return phase == 0 ? baseM : maxM;
    }

    private double anneal(double start, double end, double pct) {
        return switch (annealStrategy) {
            case COS -> end + (start - end) / 2.0 * (Math.cos(Math.PI * pct) + 1);
            case LINEAR -> (end - start) * pct + start;
        };
    }

    /**
     * The native {@code onecycle} agrees on steps 0 … total_steps − 1 (same arithmetic) and holds its last value
     * after; PyTorch's step total_steps extrapolates, so it follows as a constant: {@code onecycle(…) then
     * constant(v)}. Past total_steps PyTorch raises while the native schedule goes on.
     */
    @Override
    public Form nativeForm() {
        try {
            OneCycle o = new OneCycle(maxLr, totalSteps, pctStart, divFactor, finalDivFactor, annealStrategy, threePhase);
            return Form.of(new Then(o, new Constant(at(totalSteps))));
        } catch (IllegalArgumentException e) {
            return Form.none("the native onecycle rejects its phases: " + e.getMessage());
        }
    }

    @Override
    public Map<String, Schedule> companions() {
        return cycleMomentum ? Map.of("momentum", Schedule.of("momentum of " + spec(), this::momentumAt)) : Map.of();
    }

    /** total_steps: the last step PyTorch allows (the next one raises). */
    @Override
    public OptionalLong duration() {
        return OptionalLong.of(totalSteps);
    }

    @Override
    public Range range() {
        Range r = Range.hull(initialLr(), maxLr, minLr());
        try {
            r = r.union(Range.point(at(totalSteps)));
        } catch (IllegalArgumentException e) {
            // the last phase is empty: PyTorch never gets a value at total_steps
        }
        return TorchPy.loose(r);
    }

    @Override
    public double lr() {
        return initialLr();
    }

    @Override
    public LrScheduler withLr(double lr) {
        return this;
    }

    @Override
    public List<String> arguments() {
        return TorchPy.args(Py.kw("max_lr", maxLr), Py.kw("total_steps", totalSteps),
                Py.kw("pct_start", pctStart, PCT_START),
                annealStrategy == OneCycle.Anneal.COS ? null : "anneal_strategy='" + annealStrategy.spec() + "'",
                Py.kw("cycle_momentum", cycleMomentum, true), Py.kw("base_momentum", baseMomentum, BASE_MOMENTUM),
                Py.kw("max_momentum", maxMomentum, MAX_MOMENTUM), Py.kw("div_factor", divFactor, DIV_FACTOR),
                Py.kw("final_div_factor", finalDivFactor, FINAL_DIV_FACTOR), Py.kw("three_phase", threePhase, false));
    }

    /** No lr=: the scheduler sets the optimizer's lr itself. */
    @Override
    public String spec() {
        return item();
    }

    @Override
    public String toString() {
        return spec();
    }
}
