package dev.anneal.optimizer;

import dev.anneal.schedule.Checks;

/**
 * One hyperparameter an optimizer method reads: its name (PyTorch's, with Adam's {@code betas} split into
 * {@code beta1} and {@code beta2}), its default (NaN where the user must give it, as SGD's lr) and the range
 * PyTorch accepts.
 */
public record Hyperparameter(String name, double defaultValue, Range range) {

    /** The ranges PyTorch's optimizers check, with their messages. */
    public enum Range {
        /** {@code >= 0} and finite: lr, weight_decay, momentum, eps. */
        NON_NEGATIVE,
        /** Any finite value: SGD's dampening. */
        FINITE,
        /** {@code [0, 1)}: Adam's beta1 and beta2. */
        UNIT;

        /** Whether {@code value} is in the range: {@link #check} passes exactly these. */
        public boolean accepts(double value) {
            return switch (this) {
                case NON_NEGATIVE -> value >= 0 && value != Double.POSITIVE_INFINITY;
                case FINITE -> Double.isFinite(value);
                case UNIT -> value >= 0 && value < 1;
            };
        }

        /** {@code value}, or an error naming {@code name} (a key path such as {@code groups.head.beta2}). */
        public double check(String name, double value) {
            return switch (this) {
                case NON_NEGATIVE -> Checks.nonNegative(name, value);
                case FINITE -> Checks.finite(name, value);
                case UNIT -> Checks.inHalfOpen(name, value, 0, 1);
            };
        }
    }

    public boolean required() {
        return Double.isNaN(defaultValue);
    }
}
