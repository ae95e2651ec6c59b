package dev.anneal.dialect.timm;

import dev.anneal.dialect.Py;
import dev.anneal.schedule.Checks;
import dev.anneal.schedule.Cosine;
import dev.anneal.schedule.Range;
import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Form;

import java.util.List;

/**
 * {@code timm.CosineLRScheduler(lr=0.1, t_initial=100)}: in cycle i, {@code lr_min + 0.5·(lr·cycle_decay^i − lr_min)·
 * (1 + cos(π·t_curr^k/t_i^k))} with k = k_decay; lr_min from cycle cycle_limit on (after the first cycle, by
 * default). Example: {@code timm.CosineLRScheduler(lr=1.0, t_initial=100)} is 0.5 at step 50 and 0 from step 100 on.
 */
public record CosineLRScheduler(double lr, Cycles cycles, Warmup warmup, double kDecay) implements TimmScheduler {

    static final double K_DECAY = 1.0;

    public CosineLRScheduler {
        Checks.nonNegative("lr", lr);
        // 0.0 ** k with k <= 0 raises ZeroDivisionError at the start of every cycle (k = 0 gives cos(π) throughout).
        Checks.positive("k_decay", kDecay);
        cycles.checkKDecay(kDecay);
    }

    @Override
    public double at(long step) {
        return warmup.at(Py.clamp(step), lr, t -> cycles.at(t, lr,
                (tCurr, tI) -> 0.5 * (1 + Math.cos(Math.PI * Math.pow(tCurr, kDecay) / Math.pow(tI, kDecay)))));
    }

    @Override
    public Range range() {
        return Py.loose(cycles.range(lr).union(Range.hull(warmup.lrInit(), lr)));
    }

    @Override
    public Form nativeForm() {
        if (kDecay != 1) return Form.none("k_decay " + Py.num(kDecay) + " bends the cosine's time axis; no native family does");
        Form main = cycles.nativeForm(lr, (peak, length) -> new Cosine(peak, length, cycles.lrMin()));
        return main instanceof Form.Found(Schedule m) ? Form.of(warmup.nativeForm(lr, m)) : main;
    }

    @Override
    public List<String> arguments() {
        return TimmScheduler.args(new String[] {Py.kw("t_initial", cycles.tInitial())}, cycles.kwargs(), warmup.kwargs(false), new String[] {Py.kw("k_decay", kDecay, K_DECAY)});
    }

    @Override
    public String toString() {
        return spec();
    }
}
