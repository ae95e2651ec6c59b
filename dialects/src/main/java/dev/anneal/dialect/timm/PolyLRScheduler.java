package dev.anneal.dialect.timm;

import dev.anneal.dialect.Py;
import dev.anneal.schedule.Checks;
import dev.anneal.schedule.Polynomial;
import dev.anneal.schedule.Range;
import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Form;

import java.util.List;

/**
 * {@code timm.PolyLRScheduler(lr=0.1, t_initial=100)}: in cycle i, {@code lr_min + (lr·cycle_decay^i − lr_min)·
 * (1 − t_curr^k/t_i^k)^power} with k = k_decay and power 0.5 unless given. Example:
 * {@code timm.PolyLRScheduler(lr=1.0, t_initial=100, power=1.0)} is 0.5 at step 50.
 */
public record PolyLRScheduler(double lr, Cycles cycles, double power, Warmup warmup, double kDecay) implements TimmScheduler {

    static final double POWER = 0.5;

    public PolyLRScheduler {
        Checks.nonNegative("lr", lr);
        // Not checked by timm: a negative power grows without bound towards the end of each cycle.
        Checks.nonNegative("power", power);
        Checks.positive("k_decay", kDecay);
        cycles.checkKDecay(kDecay);
    }

    @Override
    public double at(long step) {
        return warmup.at(Py.clamp(step), lr, t -> cycles.at(t, lr,
                (tCurr, tI) -> Math.pow(1 - Math.pow(tCurr, kDecay) / Math.pow(tI, kDecay), power)));
    }

    @Override
    public Range range() {
        return Py.loose(cycles.range(lr).union(Range.hull(warmup.lrInit(), lr)));
    }

    @Override
    public Form nativeForm() {
        if (kDecay != 1) return Form.none("k_decay " + Py.num(kDecay) + " bends the decay's time axis; no native family does");
        if (power == 0) return Form.none("power 0 holds each peak for a whole cycle; native polynomial needs power > 0");
        Form main = cycles.nativeForm(lr, (peak, length) -> new Polynomial(peak, cycles.lrMin(), length, power));
        return main instanceof Form.Found(Schedule m) ? Form.of(warmup.nativeForm(lr, m)) : main;
    }

    @Override
    public List<String> arguments() {
        return TimmScheduler.args(new String[] {Py.kw("t_initial", cycles.tInitial()), Py.kw("power", power, POWER)},
                cycles.kwargs(), warmup.kwargs(false), new String[] {Py.kw("k_decay", kDecay, CosineLRScheduler.K_DECAY)});
    }

    @Override
    public String toString() {
        return spec();
    }
}
