package dev.anneal.dialect.timm;

import dev.anneal.dialect.Py;
import dev.anneal.schedule.Checks;
import dev.anneal.schedule.Exponential;
import dev.anneal.schedule.Constant;
import dev.anneal.schedule.MultiStep;
import dev.anneal.schedule.Range;
import dev.anneal.spec.Form;

import java.util.List;

/**
 * {@code timm.MultiStepLRScheduler(lr=0.1, decay_t=[30, 80], decay_rate=0.1)}: {@code lr·decay_rate^bisect_right(decay_t,
 * t)}. timm assumes decay_t sorted and does not check; an unsorted list is searched as bisect does (the quirk is kept,
 * and such a schedule has no native form). warmup_prefix defaults to True.
 */
public record MultiStepLRScheduler(double lr, List<Long> decayT, double decayRate, Warmup warmup) implements TimmScheduler {

    static final double DECAY_RATE = 1.0;
    static final boolean WARMUP_PREFIX = true;

    public MultiStepLRScheduler {
        Checks.nonNegative("lr", lr);
        decayT = List.copyOf(decayT);
        Checks.nonNegative("decay_rate", decayRate);
    }

    @Override
    public double at(long step) {
        return warmup.at(Py.clamp(step), lr, t -> Exponential.decayed(lr, decayRate, bisectRight(t)));
    }

    /** Python's bisect.bisect_right on decay_t, sorted or not. */
    private int bisectRight(long t) {
        int lo = 0, hi = decayT.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (t < decayT.get(mid)) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    @Override
    public Range range() {
        return Py.loose(Range.hull(warmup.lrInit(), lr, Exponential.decayed(lr, decayRate, decayT.size())));
    }

    @Override
    public Form nativeForm() {
        for (int i = 1; i < decayT.size(); i++) {
            if (decayT.get(i) < decayT.get(i - 1)) {
                return Form.none("decay_t " + Py.list(decayT) + " is not sorted; timm's bisect then counts milestones"
                        + " no native multistep counts");
            }
        }
        if (decayT.isEmpty()) return Form.of(warmup.nativeForm(lr, new Constant(lr)));
        if (decayT.getFirst() < 0) return Form.none("decay_t " + Py.list(decayT) + " has a negative step");
        return Form.of(warmup.nativeForm(lr, new MultiStep(lr, decayT, decayRate)));
    }

    @Override
    public List<String> arguments() {
        return TimmScheduler.args(new String[] {"decay_t=" + Py.list(decayT),
                Py.kw("decay_rate", decayRate, DECAY_RATE)}, warmup.kwargs(WARMUP_PREFIX));
    }

    @Override
    public String toString() {
        return spec();
    }
}
