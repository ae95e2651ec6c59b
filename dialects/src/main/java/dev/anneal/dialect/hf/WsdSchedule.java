package dev.anneal.dialect.hf;

import dev.anneal.spec.Form;
import dev.anneal.convert.Portable;
import dev.anneal.dialect.Py;
import dev.anneal.dialect.hf.Lambdas.Shape;
import dev.anneal.schedule.Checks;
import dev.anneal.schedule.Range;
import dev.anneal.schedule.Wsd;

import java.util.OptionalLong;

/**
 * {@code hf.get_wsd_schedule(lr, num_warmup_steps, num_decay_steps, num_training_steps=None, num_stable_steps=None,
 * warmup_type='linear', decay_type='cosine', min_lr_ratio=0, num_cycles=0.5)}: warmup from lr·min_lr_ratio to lr,
 * lr for the stable steps, decay to lr·min_lr_ratio, then lr·min_lr_ratio. The record holds the resolved
 * num_stable_steps (num_training_steps − num_warmup_steps − num_decay_steps when only the total was given).
 */
record WsdSchedule(double lr, long numWarmupSteps, long numStableSteps, long numDecaySteps, Shape warmupType,
                   Shape decayType, double minLrRatio, double numCycles) implements Portable {
    static final double MIN_LR_RATIO = 0;
    static final double NUM_CYCLES = 0.5;

    WsdSchedule {
        Checks.finite("lr", lr);
        Checks.nonNegative("num_warmup_steps", numWarmupSteps);
        Checks.nonNegative("num_stable_steps", numStableSteps);
        Checks.nonNegative("num_decay_steps", numDecaySteps);
        if (warmupType == null || decayType == null) throw Checks.about("warmup_type", "warmup_type and decay_type must be given");
        Checks.finite("min_lr_ratio", minLrRatio);
        Lambdas.checkCycles(numCycles);
    }

    @Override
    public double at(long step) {
        return lr * Lambdas.wsd(Py.clamp(step), numWarmupSteps, numStableSteps, numDecaySteps, warmupType, decayType,
                minLrRatio, numCycles);
    }

    @Override
    public OptionalLong duration() {
        return OptionalLong.of(Py.add(Py.add(numWarmupSteps, numStableSteps), numDecaySteps));
    }

    @Override
    public Range range() {
        return Range.hull(0, lr, lr * minLrRatio);
    }

    @Override
    public String spec() {
        return Py.call("hf.get_wsd_schedule", Py.kw("lr", lr), Py.kw("num_warmup_steps", numWarmupSteps),
                Py.kw("num_decay_steps", numDecaySteps), Py.kw("num_stable_steps", numStableSteps),
                warmupType == Shape.LINEAR ? null : "warmup_type='" + warmupType.python + "'",
                decayType == Shape.COSINE ? null : "decay_type='" + decayType.python + "'",
                Py.kw("min_lr_ratio", minLrRatio, MIN_LR_RATIO), Py.kw("num_cycles", numCycles, NUM_CYCLES));
    }

    /**
     * wsd(lr, warmup=w, stable=s, decay=d, floor=lr·min_lr_ratio, shape=…) where the shapes agree: a linear warmup
     * from 0 (min_lr_ratio 0, or no warmup), min_lr_ratio in [0, 1], a half cosine (num_cycles 0.5), some decay steps.
     */
    @Override
    public Form nativeForm() {
        if (numWarmupSteps > 0 && warmupType != Shape.LINEAR) {
            return Form.none("warmup_type '" + warmupType.python + "': native wsd warms up linearly");
        }
        if (numWarmupSteps > 0 && minLrRatio != 0) {
            return Form.none("min_lr_ratio (" + Py.num(minLrRatio) + ") starts the warmup at lr·min_lr_ratio; native wsd warms up from 0");
        }
        if (decayType == Shape.COSINE && numCycles != 0.5) {
            return Form.none("num_cycles (" + Py.num(numCycles) + ") is not one half cosine; native wsd decays with one");
        }
        if (!(minLrRatio >= 0 && minLrRatio <= 1)) {
            return Form.none("min_lr_ratio (" + Py.num(minLrRatio) + ") outside [0, 1] is clipped by transformers' max(0, …) mid-decay");
        }
        if (numDecaySteps == 0) return Form.none("num_decay_steps 0 drops to lr·min_lr_ratio in one step; native wsd needs decay > 0");
        Wsd.Shape shape = switch (decayType) {
            case LINEAR -> Wsd.Shape.LINEAR;
            case COSINE -> Wsd.Shape.COSINE;
            case SQRT -> Wsd.Shape.SQRT;
        };
        return Form.of(new Wsd(lr, numWarmupSteps, numStableSteps, numDecaySteps, lr * minLrRatio, shape));
    }

    @Override
    public String toString() {
        return spec();
    }
}
