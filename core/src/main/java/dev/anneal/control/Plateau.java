package dev.anneal.control;

import dev.anneal.schedule.Checks;

/**
 * Reduce-on-plateau as a pure controller with explicit state (PyTorch's {@code ReduceLROnPlateau}, arithmetic and
 * order of operations included): after a metric has failed to improve on the best one for more than
 * {@code patience} steps, the lr is multiplied by {@code factor} (never below {@code min_lr}, and only if it
 * drops by more than {@code eps}); then {@code cooldown} steps pass in which bad steps are not counted.
 *
 * <p>"Improve" depends on {@code mode} and {@code threshold_mode}: in min mode with rel, a metric m is better
 * than best when {@code m < best·(1 − threshold)}; abs: {@code m < best − threshold}; max mode mirrors both.
 * The state is a value: {@code step(state, metric)} returns the next state and changes nothing. As a
 * {@link Controller} it takes over with the schedule's value at the hand-over step and owns the rate from then on
 * (the base is ignored); each observation is one {@code scheduler.step(metric)} call.
 *
 * <p>Example: {@code new Plateau(Mode.MIN, 0.1, 2, 1e-4, ThresholdMode.REL, 0, 0, 1e-8).trace(0.1, 1, 1, 1, 1)} is
 * {@code [0.1, 0.1, 0.1, 0.1, 0.01]}: the first metric sets best, three more fail to improve, and the third
 * failure exceeds patience 2.
 */
public record Plateau(Mode mode, double factor, long patience, double threshold, ThresholdMode thresholdMode,
                      long cooldown, double minLr, double eps) implements Controller<Plateau.State> {

    /** Whether smaller ({@code MIN}, a loss) or larger ({@code MAX}, an accuracy) metrics are better. */
    public enum Mode {
        MIN, MAX;

        public String spec() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Whether {@code threshold} is relative to the best metric ({@code REL}) or absolute ({@code ABS}). */
    public enum ThresholdMode {
        REL, ABS;

        public String spec() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** PyTorch's defaults: min, factor 0.1, patience 10, threshold 1e-4 rel, cooldown 0, min_lr 0, eps 1e-8. */
    public static Plateau defaults() {
        return new Plateau(Mode.MIN, 0.1, 10, 1e-4, ThresholdMode.REL, 0, 0, 1e-8);
    }

    /** These settings with another factor. */
    public Plateau withFactor(double factor) {
        return new Plateau(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
    }

    /** These settings with another patience. */
    public Plateau withPatience(long patience) {
        return new Plateau(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
    }

    /**
     * The controller's state between two {@code step(metric)} calls.
     *
     * @param lr          the learning rate now
     * @param best        the best metric so far (+∞ in min mode, −∞ in max mode before the first)
     * @param badSteps    metrics in a row that did not improve on best (PyTorch's num_bad_epochs)
     * @param cooldownLeft steps of cooldown still to run (PyTorch's cooldown_counter)
     * @param steps       how many metrics have been fed (PyTorch's last_epoch)
     */
    public record State(double lr, double best, long badSteps, long cooldownLeft, long steps) {}

    public Plateau {
        if (mode == null) throw Checks.fail("mode", null, "must be one of min, max");
        if (thresholdMode == null) throw Checks.fail("threshold_mode", null, "must be one of rel, abs");
        // PyTorch: "Factor should be < 1.0."; a negative factor has no meaning (Anneal's rule).
        Checks.inHalfOpen("factor", factor, 0, 1);
        Checks.nonNegative("patience", patience);
        Checks.nonNegative("threshold", threshold);
        Checks.nonNegative("cooldown", cooldown);
        Checks.nonNegative("min_lr", minLr);
        Checks.nonNegative("eps", eps);
    }

    /** The state before the first metric, with the optimizer's lr. */
    @Override
    public State start(double lr) {
        return new State(lr, mode == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY, 0, 0, 0);
    }

    /** The state after one {@code scheduler.step(metric)} call. */
    public State step(State s, double metric) {
        double best = s.best(), lr = s.lr();
        long bad = s.badSteps(), cooldownLeft = s.cooldownLeft();
        if (better(metric, best)) {
            best = metric;
            bad = 0;
        } else {
            bad++;
        }
        if (cooldownLeft > 0) {
            cooldownLeft--;
            bad = 0; // bad steps in cooldown are ignored
        }
        if (bad > patience) {
            double reduced = pythonMax(lr * factor, minLr);
            if (lr - reduced > eps) lr = reduced;
            cooldownLeft = cooldown;
            bad = 0;
        }
        return new State(lr, best, bad, cooldownLeft, s.steps() + 1);
    }

    @Override
    public double rate(State state, double base) {
        return state.lr();
    }

    @Override
    public Outcome<State> observe(State state, long step, double base, Observation observation) {
        State next = step(state, observation.metric());
        if (next.lr() == state.lr()) return Outcome.quiet(next);
        return Outcome.decided(next, step, state.lr(), next.lr(), "metric " + observation.metric() + " did not improve on best "
                + state.best() + " for " + (state.badSteps() + 1) + " observations (patience " + patience + "): lr × " + factor);
    }

    @Override
    public Class<State> stateType() {
        return State.class;
    }

    /** {@code values[k]}: the lr after the first k metrics; {@code metrics.length + 1} values. */
    public double[] trace(double lr, double... metrics) {
        double[] values = new double[metrics.length + 1];
        State s = start(lr);
        values[0] = s.lr();
        for (int i = 0; i < metrics.length; i++) {
            s = step(s, metrics[i]);
            values[i + 1] = s.lr();
        }
        return values;
    }

    /**
     * PyTorch's is_better. The comparisons are false for a NaN metric, so NaN never improves. In min mode with a
     * rel threshold of 1, the first comparison is against ∞·0 = NaN: nothing is ever better.
     */
    boolean better(double metric, double best) {
        return switch (mode) {
            case MIN -> thresholdMode == ThresholdMode.REL ? metric < best * (1. - threshold) : metric < best - threshold;
            case MAX -> thresholdMode == ThresholdMode.REL ? metric > best * (threshold + 1.) : metric > best + threshold;
        };
    }

    /** Python's max(a, b): b only if b > a (Math.max differs for −0.0 and NaN). */
    private static double pythonMax(double a, double b) {
        return b > a ? b : a;
    }
}
