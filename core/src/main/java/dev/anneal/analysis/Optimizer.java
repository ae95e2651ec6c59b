package dev.anneal.analysis;

import dev.anneal.schedule.Checks;

import java.util.Locale;

/**
 * An optimizer's linear dynamics on a quadratic with curvature λ, with h = η·λ: each iterate solves
 * x_{t+1} = b·x_t − c·x_{t−1}, characteristic polynomial r² − b·r + c. Stable iff both roots lie inside the unit
 * circle (Jury: |c| &lt; 1, 1 − b + c &gt; 0, 1 + b + c &gt; 0), which gives each kind's limit h* on η·λ.
 */
public record Optimizer(Kind kind, double beta) {

    public enum Kind {
        /** x ← x − η·g. Root 1 − h; stable iff h &lt; 2. */
        SGD,
        /** Heavy ball (PyTorch SGD momentum): x_{t+1} = x_t − h·x_t + β(x_t − x_{t−1}); stable iff h &lt; 2(1+β). */
        MOMENTUM,
        /** Nesterov: x_{t+1} = (1−h)(1+β)x_t − (1−h)β·x_{t−1}; stable iff h &lt; 2(1+β)/(1+2β). */
        NESTEROV,
        /**
         * Adam with a frozen preconditioner P: heavy ball with rate η(1−β₁) on the preconditioned curvature
         * λ = λmax(P⁻¹H); stable iff h &lt; 2(1+β₁)/(1−β₁) (38 at β₁ = 0.9, Cohen et al. 2022).
         */
        ADAM;

        public String spec() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Optimizer {
        if (kind == null) throw new IllegalArgumentException("optimizer (null) must be one of sgd, momentum, nesterov, adam");
        Checks.inHalfOpen("momentum", beta, 0, 1);
        if (kind == Kind.SGD && beta != 0) throw Checks.fail("momentum", beta, "must be 0 for sgd (use --optimizer momentum)");
    }

    public static Optimizer sgd() {
        return new Optimizer(Kind.SGD, 0);
    }

    /** The largest stable h = η·λ (exclusive). */
    public double limit() {
        return switch (kind) {
            case SGD -> 2;
            case MOMENTUM -> 2 * (1 + beta);
            case NESTEROV -> 2 * (1 + beta) / (1 + 2 * beta);
            case ADAM -> 2 * (1 + beta) / (1 - beta);
        };
    }

    public String limitFormula() {
        return switch (kind) {
            case SGD -> "η·λ < 2";
            case MOMENTUM -> "η·λ < 2(1+β)";
            case NESTEROV -> "η·λ < 2(1+β)/(1+2β)";
            case ADAM -> "η·λ < 2(1+β₁)/(1−β₁), λ = λmax(P⁻¹H), P frozen";
        };
    }

    /** The roots of r² − b(h)·r + c(h) at h = η·λ. */
    public Roots roots(double h) {
        return switch (kind) {
            case SGD -> Roots.of(1 - h, 0);
            case MOMENTUM -> Roots.of(1 + beta - h, beta);
            case NESTEROV -> Roots.of((1 + beta) * (1 - h), beta * (1 - h));
            case ADAM -> Roots.of(1 + beta - (1 - beta) * h, beta);
        };
    }

    /** η/(1−β): the steady-state step of a constant gradient (for Adam, the EMA already divides by 1−β₁). */
    public double effectiveRate(double eta) {
        return kind == Kind.ADAM ? eta : eta / (1 - beta);
    }

    public String effectiveRateFormula() {
        return kind == Kind.ADAM ? "η (Adam's EMA momentum (1−β₁)·Σβ₁ᵏ = 1 leaves the rate unchanged)" : "η/(1−β)";
    }

    public String characteristic() {
        return switch (kind) {
            case SGD -> "r = 1 − h";
            case MOMENTUM -> "r² − (1+β−h)·r + β = 0";
            case NESTEROV -> "r² − (1+β)(1−h)·r + β(1−h) = 0";
            case ADAM -> "r² − (1+β₁−(1−β₁)h)·r + β₁ = 0";
        };
    }
}
