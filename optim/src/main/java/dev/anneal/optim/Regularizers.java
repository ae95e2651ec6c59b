package dev.anneal.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The hyperparameters a schedule set may give that the network reads rather than the optimizer: their names and
 * ranges, defined once. An optimizer over a set ({@link Hyperparameters#unread()}) accepts these names; whoever
 * applies a value checks it here first ({@link #check}), so a value out of range stops the run with its key path
 * and step before it reaches the network.
 */
public final class Regularizers {
    /** A name's allowed interval, closed or half-open at the top, with the value used where a set does not define it. */
    public record Range(double min, double max, boolean maxIncluded, double unscheduled, String meaning) {
        public boolean contains(double v) {
            return v >= min && (maxIncluded ? v <= max : v < max);
        }

        public String describe() {
            return "in [" + fmt(min) + ", " + fmt(max) + (maxIncluded ? "]" : ")");
        }

        private static String fmt(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }
    }

    public static final String DROPOUT = "dropout", LABEL_SMOOTHING = "label_smoothing", BN_MOMENTUM = "bn_momentum", AUGMENT = "augment";

    private static final Map<String, Range> RANGES = new LinkedHashMap<>();

    static {
        RANGES.put(DROPOUT, new Range(0, 1, false, 0, "rate p of every dropout layer (the probability of zeroing an activation)"));
        RANGES.put(LABEL_SMOOTHING, new Range(0, 1, true, 0, "α of the cross-entropy: targets (1 − α)·one-hot + α/K"));
        // PyTorch's convention, which is the seed's β: the weight of the batch's statistics in the running average
        RANGES.put(BN_MOMENTUM, new Range(0, 1, true, 0.1, "weight of the batch's statistics in BatchNorm's running averages (PyTorch's momentum)"));
        RANGES.put(AUGMENT, new Range(0, 1, true, 0, "strength s of the data augmentation"));
    }

    private Regularizers() {}

    /** Every name, with its range, in a fixed order. */
    public static Map<String, Range> all() {
        return Collections.unmodifiableMap(RANGES);
    }

    public static boolean isRegularizer(String name) {
        return RANGES.containsKey(name);
    }

    public static Optional<Range> range(String name) {
        return Optional.ofNullable(RANGES.get(name));
    }

    /**
     * {@code value}, unless it is outside {@code name}'s range: then an error naming the key path, the value, the
     * rule and the step, {@code groups.body.dropout (1.2) must be in [0, 1) (step 40)}.
     */
    public static double check(String path, String name, double value, long step) {
        Range r = RANGES.get(name);
        if (r == null) throw new IllegalArgumentException("name (" + name + ") must be one of " + RANGES.keySet());
        if (!r.contains(value)) throw new IllegalArgumentException(path + " (" + value + ") must be " + r.describe() + " (step " + step + ")");
        return value;
    }
}
