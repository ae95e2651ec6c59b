package dev.anneal.sweep;

import java.io.Serializable;

/**
 * What a trial produced: its loss every {@code every} steps from step 0 ({@code +∞} from a divergence on) and its
 * metric, the last loss recorded (lower is better).
 */
public record Outcome(double[] curve, int every, double metric) implements Serializable {
    public static Outcome of(double[] curve, int every) {
        return new Outcome(curve, every, curve[curve.length - 1]);
    }
}
