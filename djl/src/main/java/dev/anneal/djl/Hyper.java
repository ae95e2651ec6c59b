package dev.anneal.djl;

import java.util.Locale;

/** The hyperparameters an {@link AnnealOptimizer} reads from a schedule each step, with their valid ranges. */
public enum Hyper {
    LR, MOMENTUM, BETA1, BETA2, EPS, WEIGHT_DECAY;

    /** The name used in specs, schedule files, the trace and the CLI: {@code lr}, {@code weight_decay}, … */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Hyper of(String key) {
        for (Hyper h : values()) if (h.key().equals(key)) return h;
        throw new IllegalArgumentException("hyperparameter (" + key + ") must be one of lr, momentum, beta1, beta2, eps, weight_decay");
    }

    /** Rejects a scheduled value outside this hyperparameter's range; NaN fails every check. */
    double check(double value, long step) {
        boolean ok = switch (this) {
            case LR, WEIGHT_DECAY -> value >= 0 && value < Double.POSITIVE_INFINITY;
            case MOMENTUM, BETA1, BETA2 -> value >= 0 && value < 1;
            case EPS -> value > 0 && value < Double.POSITIVE_INFINITY;
        };
        if (!ok) {
            String rule = switch (this) {
                case LR, WEIGHT_DECAY -> ">= 0 and finite";
                case MOMENTUM, BETA1, BETA2 -> "in [0, 1)";
                case EPS -> "> 0 and finite";
            };
            throw new IllegalArgumentException(key() + " (" + value + " at step " + step + ") must be " + rule);
        }
        return value;
    }
}
