package dev.anneal.dialect.timm;

import dev.anneal.dialect.Py;
import dev.anneal.schedule.Checks;
import dev.anneal.schedule.Range;
import dev.anneal.spec.Form;

import java.util.List;

/**
 * {@code timm.TanhLRScheduler(lr=0.1, t_initial=100)}: in cycle i, with {@code tr = t_curr/t_i},
 * {@code lr_min + 0.5·(lr·cycle_decay^i − lr_min)·(1 − tanh(lb·(1 − tr) + ub·tr))}, lb = −7 and ub = 3 unless given.
 * Unlike the other four, its warmup without prefix ramps towards the tanh curve's value at warmup_t, not towards lr.
 */
public record TanhLRScheduler(double lr, Cycles cycles, double lb, double ub, Warmup warmup) implements TimmScheduler {

    static final double LB = -7.0;
    static final double UB = 3.0;

    public TanhLRScheduler {
        Checks.nonNegative("lr", lr);
        Checks.finite("lb", lb);
        Checks.finite("ub", ub);
        if (!(lb < ub)) throw Checks.fail("lb", String.valueOf(Py.num(lb)), "must be < ub (" + Py.num(ub) + ")");
        Checks.nonNegative("cycle_limit", cycles.limit());
    }

    @Override
    public double at(long step) {
        return warmup.at(Py.clamp(step), warmupTarget(), this::main);
    }

    private double main(long t) {
        return cycles.at(t, lr, (tCurr, tI) -> {
            double tr = tCurr / tI;
            return 0.5 * (1 - Math.tanh(lb * (1. - tr) + ub * tr));
        });
    }

    /** timm: {@code self.base_values if self.warmup_prefix else self._get_lr(self.warmup_t)}. */
    private double warmupTarget() {
        return warmup.prefix() || warmup.t() == 0 ? lr : main(warmup.t());
    }

    @Override
    public Range range() {
        return Py.loose(cycles.range(lr).union(Range.hull(warmup.lrInit(), warmupTarget())));
    }

    @Override
    public Form nativeForm() {
        return Form.none("no native family follows a tanh curve");
    }

    @Override
    public List<String> arguments() {
        return TimmScheduler.args(new String[] {Py.kw("t_initial", cycles.tInitial()), Py.kw("lb", lb, LB), Py.kw("ub", ub, UB)},
                cycles.kwargs(), warmup.kwargs(false));
    }

    @Override
    public String toString() {
        return spec();
    }
}
