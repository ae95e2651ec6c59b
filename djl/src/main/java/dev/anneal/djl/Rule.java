package dev.anneal.djl;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The update rules, with PyTorch's semantics (torch.optim.SGD, Adam, AdamW) and defaults. */
public enum Rule {
    /** SGD, with coupled (L2) weight decay; momentum 0. */
    SGD(Map.of(Hyper.MOMENTUM, 0.0, Hyper.WEIGHT_DECAY, 0.0)),
    /** SGD with heavy-ball momentum (0.9 unless scheduled). */
    MOMENTUM(Map.of(Hyper.MOMENTUM, 0.9, Hyper.WEIGHT_DECAY, 0.0)),
    /** SGD with Nesterov momentum (Sutskever et al. 2013, PyTorch's formulation). */
    NESTEROV(Map.of(Hyper.MOMENTUM, 0.9, Hyper.WEIGHT_DECAY, 0.0)),
    /** Adam (Kingma and Ba 2015) with coupled (L2) weight decay. */
    ADAM(Map.of(Hyper.BETA1, 0.9, Hyper.BETA2, 0.999, Hyper.EPS, 1e-8, Hyper.WEIGHT_DECAY, 0.0)),
    /** AdamW (Loshchilov and Hutter 2019): decoupled weight decay, 0.01 by default as in PyTorch. */
    ADAMW(Map.of(Hyper.BETA1, 0.9, Hyper.BETA2, 0.999, Hyper.EPS, 1e-8, Hyper.WEIGHT_DECAY, 0.01));

    private final Map<Hyper, Double> defaults;

    Rule(Map<Hyper, Double> defaults) {
        this.defaults = defaults;
    }

    /** The hyperparameters this rule reads: {@code lr} and those with a default. */
    public Set<Hyper> hypers() {
        Set<Hyper> set = EnumSet.of(Hyper.LR);
        set.addAll(defaults.keySet());
        return set;
    }

    /** PyTorch's default for {@code hyper}; {@code lr} has none. */
    public double defaultValue(Hyper hyper) {
        Double value = defaults.get(hyper);
        if (value == null) throw new IllegalArgumentException(hyper.key() + " has no default for " + key() + ": schedule it");
        return value;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean usesMomentumBuffer() {
        return this == SGD || this == MOMENTUM || this == NESTEROV;
    }
}
