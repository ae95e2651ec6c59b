package dev.anneal.dialect.torch;

import dev.anneal.spec.Form;
import dev.anneal.dialect.Py;
import dev.anneal.schedule.Checks;
import dev.anneal.schedule.Cosine;
import dev.anneal.schedule.Range;

import java.util.List;

/**
 * {@code torch.CosineAnnealingLR(lr=0.1, T_max=100, eta_min=0.0)}:
 * {@code eta_min + (lr − eta_min)·(1 + cos(π·k/T_max))/2} at every step k, including past T_max: PyTorch's
 * recursion does not stop at eta_min but climbs back to lr at 2·T_max, and keeps oscillating with period
 * 2·T_max. (The native {@code cosine(lr, steps=T_max, floor=eta_min)} holds eta_min instead.)
 *
 * <p>PyTorch multiplies {@code lr − eta_min} by {@code (1 + cos(πk/T))/(1 + cos(π(k−1)/T))} at each step, and at the
 * steps after a minimum adds {@code (lr − eta_min)·(1 − cos(π/T))/2}. Both telescope to the closed form used here;
 * the tables agree to 2e-14 over 2.5 periods. Example: {@code torch.CosineAnnealingLR(lr=0.1, T_max=100)} is
 * 0.05 at step 50, 0 at 100, 0.05 at 150 and 0.1 at 200.
 */
public record CosineAnnealingLR(double lr, long tMax, double etaMin) implements LrScheduler {

    public CosineAnnealingLR {
        Checks.nonNegative("lr", lr);
        // PyTorch does not check: T_max 0 raises ZeroDivisionError at step 1.
        Checks.positive("T_max", tMax);
        Checks.nonNegative("eta_min", etaMin);
    }

    @Override
    public double at(long step) {
        long t = TorchPy.clamp(step);
        if (t == 0) return lr; // PyTorch's first value is the optimizer's lr itself
        return closed(t);
    }

    /** PyTorch's _get_closed_form_lr; also what a SequentialLR milestone restarts it with. */
    double closed(long t) {
        return etaMin + (lr - etaMin) * (1 + Math.cos(Math.PI * t / tMax)) / 2;
    }

    static final String WAVE = "past T_max PyTorch's lr climbs back to lr and keeps oscillating with period 2·T_max, and no "
            + "native family rises again after a cosine; cosine(lr, steps=T_max, floor=eta_min) agrees only up to step T_max";

    @Override
    public Form nativeForm() {
        return Form.none(WAVE);
    }

    /** The native form for its first {@code steps} steps, as a SequentialLR slot uses it: up to T_max it is a cosine. */
    Form nativeForm(long steps) {
        return steps <= tMax + 1 ? Form.of(new Cosine(lr, tMax, etaMin)) : Form.none(WAVE);
    }

    @Override
    public Range range() {
        return TorchPy.loose(Range.hull(lr, etaMin));
    }

    @Override
    public LrScheduler withLr(double lr) {
        return new CosineAnnealingLR(lr, tMax, etaMin);
    }

    @Override
    public List<String> arguments() {
        return TorchPy.args(Py.kw("T_max", tMax), Py.kw("eta_min", etaMin, 0.0));
    }

    @Override
    public String toString() {
        return spec();
    }
}
