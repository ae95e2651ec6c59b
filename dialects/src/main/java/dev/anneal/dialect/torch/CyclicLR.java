package dev.anneal.dialect.torch;

import dev.anneal.spec.Form;
import dev.anneal.dialect.Py;
import dev.anneal.schedule.Checks;
import dev.anneal.schedule.Cyclic;
import dev.anneal.schedule.Range;
import dev.anneal.schedule.Schedule;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code torch.CyclicLR(base_lr=0.001, max_lr=0.1, step_size_up=2000, step_size_down=None, mode='triangular',
 * gamma=1.0, scale_mode='cycle', cycle_momentum=True, base_momentum=0.8, max_momentum=0.9)}: a triangular wave
 * from base_lr up to max_lr in step_size_up steps and back in step_size_down steps (Smith 2017), with PyTorch's
 * arithmetic operation for operation. triangular2 halves the amplitude each cycle; exp_range multiplies it by
 * gamma^k. With cycle_momentum the momentum runs the other way, from max_momentum down to base_momentum at the peak
 * ({@link #companions()}).
 *
 * <p>Quirks kept: CyclicLR sets the optimizer's lr itself, so the spec has no {@code lr=}. Step sizes may be
 * fractional, and step_size_down=0 gives a sawtooth. {@code scale_mode} only matters with a custom
 * {@code scale_fn}, which a spec cannot give: PyTorch ignores it (triangular and triangular2 scale by cycle,
 * exp_range by iteration), and so does this record, which keeps it only to print it back. triangular2 raises
 * OverflowError once 2.0^(cycle − 1) overflows (cycle 1025), and exp_range once gamma^k does. Example:
 * {@code torch.CyclicLR(base_lr=0.001, max_lr=0.1, step_size_up=10)} is 0.0505 at step 5 and 0.1 at step 10,
 * momentum 0.85 and 0.8.
 */
public record CyclicLR(double baseLr, double maxLr, double stepSizeUp, double stepSizeDown, Cyclic.Mode mode,
                       double gamma, ScaleMode scaleMode, boolean cycleMomentum, double baseMomentum,
                       double maxMomentum) implements LrScheduler {

    /** Whether a custom scale_fn would be evaluated on the cycle number or on the step (unused without one). */
    public enum ScaleMode {
        CYCLE, ITERATIONS;

        public String spec() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final double STEP_SIZE_UP = 2000, GAMMA = 1.0, BASE_MOMENTUM = 0.8, MAX_MOMENTUM = 0.9;

    /** PyTorch's defaults, with step_size_down = step_size_up. */
    public static CyclicLR of(double baseLr, double maxLr, double stepSizeUp) {
        return new CyclicLR(baseLr, maxLr, stepSizeUp, stepSizeUp, Cyclic.Mode.TRIANGULAR, GAMMA, ScaleMode.CYCLE, true,
                BASE_MOMENTUM, MAX_MOMENTUM);
    }

    public CyclicLR {
        Checks.nonNegative("base_lr", baseLr);
        Checks.nonNegative("max_lr", maxLr);
        // PyTorch divides by step_size_up at construction (ZeroDivisionError for 0); step_size_down 0 is a sawtooth.
        Checks.positive("step_size_up", stepSizeUp);
        Checks.nonNegative("step_size_down", stepSizeDown);
        // PyTorch divides steps by the cycle's length: an infinite length, or one so short that step/length
        // overflows, makes values NaN.
        double cycle = stepSizeUp + stepSizeDown;
        if (!Double.isFinite(Long.MAX_VALUE / cycle) || !Double.isFinite(cycle)) {
            throw Checks.fail("step_size_up + step_size_down", cycle, "must be finite and at least "
                    + Py.num(Long.MAX_VALUE / Double.MAX_VALUE) + ": PyTorch's step / cycle length would not be finite (NaN)");
        }
        if (stepSizeUp / cycle == 0) {
            throw Checks.fail("step_size_up", stepSizeUp, "is too small beside step_size_down (" + Py.num(stepSizeDown)
                    + "): PyTorch's step_ratio underflows to 0 and its scale is 0/0 (NaN)");
        }
        if (mode == null) throw Checks.fail("mode", null, "must be one of triangular, triangular2, exp_range");
        Checks.positive("gamma", gamma);
        if (scaleMode == null) throw Checks.fail("scale_mode", null, "must be one of cycle, iterations");
        Checks.finite("base_momentum", baseMomentum);
        Checks.finite("max_momentum", maxMomentum);
    }

    @Override
    public double at(long step) {
        return lr(TorchPy.clamp(step), baseLr);
    }

    /** The momentum PyTorch sets at step k (max_momentum − amplitude·scale). */
    public double momentumAt(long step) {
        long t = TorchPy.clamp(step);
        return maxMomentum - (maxMomentum - baseMomentum) * scale(t) * amplitude(t);
    }

    /** PyTorch's get_lr with {@code base} as base_lrs (see Replay: it differs from base_lr while the scheduler is built). */
    double lr(long t, double base) {
        return base + (maxLr - base) * scale(t) * amplitude(t);
    }

    /** Where in the triangle step t is: 0 at base_lr, 1 at max_lr. */
    private double scale(long t) {
        double total = stepSizeUp + stepSizeDown, ratio = stepSizeUp / total;
        double cycle = Math.floor(1 + t / total);
        double x = 1. + t / total - cycle;
        return x <= ratio ? x / ratio : (x - 1) / (ratio - 1);
    }

    /** PyTorch's scale_fn: by cycle for triangular and triangular2, by step for exp_range. */
    private double amplitude(long t) {
        return switch (mode) {
            case TRIANGULAR -> 1.;
            case TRIANGULAR2 -> {
                double cycle = Math.floor(1 + t / (stepSizeUp + stepSizeDown));
                double power = Math.pow(2., cycle - 1);
                if (power == Double.POSITIVE_INFINITY) {
                    throw TorchPy.failure(this, t, "overflows in PyTorch's triangular2: 2.0**(cycle − 1) with cycle "
                            + (long) cycle + " (OverflowError)");
                }
                yield 1 / power;
            }
            case EXP_RANGE -> {
                double power = Math.pow(gamma, t);
                if (power == Double.POSITIVE_INFINITY) {
                    throw TorchPy.failure(this, t, "overflows in PyTorch's exp_range: gamma**" + t + " (OverflowError)");
                }
                yield power;
            }
        };
    }

    @Override
    public Form nativeForm() {
        if (stepSizeUp != Math.rint(stepSizeUp) || stepSizeDown != Math.rint(stepSizeDown)) {
            return Form.none("fractional step sizes (" + Py.num(stepSizeUp) + ", " + Py.num(stepSizeDown)
                    + ") put the peaks between steps; native cyclic counts whole steps");
        }
        if (stepSizeDown == 0) return Form.none("step_size_down 0 is a sawtooth; native cyclic needs down >= 1");
        if (!(maxLr >= baseLr)) return Form.none("max_lr (" + Py.num(maxLr) + ") < base_lr (" + Py.num(baseLr) + ") cycles downwards; native cyclic needs hi >= lo");
        boolean expRange = mode == Cyclic.Mode.EXP_RANGE;
        if (expRange && gamma > 1) return Form.none("gamma (" + Py.num(gamma) + ") > 1 grows the amplitude; native cyclic needs gamma in (0, 1]");
        return Form.of(new Cyclic(baseLr, maxLr, (long) stepSizeUp, (long) stepSizeDown, mode, expRange ? gamma : 1));
    }

    @Override
    public Map<String, Schedule> companions() {
        return cycleMomentum ? Map.of("momentum", Schedule.of("momentum of " + spec(), this::momentumAt)) : Map.of();
    }

    @Override
    public Range range() {
        if (mode == Cyclic.Mode.EXP_RANGE && gamma > 1 && maxLr != baseLr) {
            return maxLr > baseLr ? new Range(baseLr, Double.POSITIVE_INFINITY) : new Range(Double.NEGATIVE_INFINITY, baseLr);
        }
        return TorchPy.loose(Range.hull(baseLr, maxLr));
    }

    @Override
    public double lr() {
        return baseLr;
    }

    @Override
    public LrScheduler withLr(double lr) {
        return this;
    }

    @Override
    public List<String> arguments() {
        return TorchPy.args(Py.kw("base_lr", baseLr), Py.kw("max_lr", maxLr),
                Py.kw("step_size_up", stepSizeUp, STEP_SIZE_UP),
                Double.compare(stepSizeDown, stepSizeUp) == 0 ? null : Py.kw("step_size_down", stepSizeDown),
                Py.kw("mode", mode.spec(), "triangular"), Py.kw("gamma", gamma, GAMMA),
                Py.kw("scale_mode", scaleMode.spec(), "cycle"), Py.kw("cycle_momentum", cycleMomentum, true),
                Py.kw("base_momentum", baseMomentum, BASE_MOMENTUM), Py.kw("max_momentum", maxMomentum, MAX_MOMENTUM));
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
