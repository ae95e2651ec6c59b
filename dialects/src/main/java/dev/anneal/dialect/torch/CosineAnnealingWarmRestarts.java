package dev.anneal.dialect.torch;

import dev.anneal.spec.Form;
import dev.anneal.dialect.Py;
import dev.anneal.schedule.Checks;
import dev.anneal.schedule.Range;
import dev.anneal.schedule.Sgdr;

import java.util.List;
import java.util.OptionalLong;

/**
 * {@code torch.CosineAnnealingWarmRestarts(lr=0.1, T_0=10, T_mult=1, eta_min=0.0)}: cosine from lr to eta_min over
 * each cycle, then a restart at lr; cycles last T_0, T_0·T_mult, T_0·T_mult², … steps. PyTorch computes this one in
 * closed form from integer counters, exactly as the native {@code sgdr(lr, period=T_0, mult=T_mult, floor=eta_min)}
 * does, so the two agree to the bit. Example: {@code torch.CosineAnnealingWarmRestarts(lr=0.1, T_0=10)} is 0.05 at
 * step 5 and 0.1 again at step 10.
 */
public record CosineAnnealingWarmRestarts(double lr, long t0, long tMult, double etaMin) implements LrScheduler {

    public CosineAnnealingWarmRestarts {
        Checks.nonNegative("lr", lr);
        // PyTorch: "Expected positive integer T_0" and "Expected integer T_mult >= 1".
        Checks.positive("T_0", t0);
        Checks.atLeast("T_mult", tMult, 1);
        Checks.nonNegative("eta_min", etaMin);
    }

    private Sgdr sgdr() {
        return new Sgdr(lr, t0, tMult, etaMin);
    }

    @Override
    public double at(long step) {
        return sgdr().at(step);
    }

    @Override
    public Form nativeForm() {
        return Form.of(sgdr());
    }

    @Override
    public OptionalLong period() {
        return sgdr().period();
    }

    @Override
    public Range range() {
        return sgdr().range();
    }

    @Override
    public LrScheduler withLr(double lr) {
        return new CosineAnnealingWarmRestarts(lr, t0, tMult, etaMin);
    }

    @Override
    public List<String> arguments() {
        return TorchPy.args(Py.kw("T_0", t0), Py.kw("T_mult", tMult, 1), Py.kw("eta_min", etaMin, 0.0));
    }

    @Override
    public String toString() {
        return spec();
    }
}
