package dev.anneal.optimizer;

import dev.anneal.schedule.Checks;

/**
 * A method's linear dynamics on a quadratic with curvature λ, with h = η·λ: each iterate solves
 * x_{t+1} = b·x_t − c·x_{t−1}, characteristic polynomial r² − b·r + c. Stable iff both roots lie inside the unit
 * circle (Jury: |c| &lt; 1, 1 − b + c &gt; 0, 1 + b + c &gt; 0), which gives each method's limit h* on η·λ.
 *
 * <p>AdamW's decoupled weight decay enters as it runs: {@code p ← a·p − η·m̂/…} with a = 1 − η·wd, so
 * b = a + β₁ − (1−β₁)h, c = β₁·a and h* = (1 + a)(1+β₁)/(1−β₁), which depends on η. The other methods add weight
 * decay to the gradient (L2), which the model leaves to λ.
 *
 * @param beta        momentum (SGD's, 0 for plain SGD) or Adam's β₁
 * @param weightDecay the weight decay; read only where it is decoupled
 */
public record Dynamics(Method method, double beta, double weightDecay) {

    public Dynamics {
        if (method == null) throw Checks.fail("optimizer", null, "must be one of " + Method.keys());
        Checks.inHalfOpen("momentum", beta, 0, 1);
        if (method == Method.SGD && beta != 0) throw Checks.fail("momentum", beta, "must be 0 for sgd (use --optimizer momentum)");
        Checks.nonNegative("weight_decay", weightDecay);
    }

    /** Plain gradient descent. */
    public static Dynamics sgd() {
        return new Dynamics(Method.SGD, 0, 0);
    }

    /** The shrink factor a = 1 − η·wd of decoupled decay at rate η; 1 where decay is not decoupled. */
    private double shrink(double eta) {
        return method.decoupled() ? 1 - eta * weightDecay : 1;
    }

    /** The largest stable h = η·λ (exclusive) at rate η (η matters only with decoupled weight decay). */
    public double limit(double eta) {
        return switch (method) {
            case SGD -> 2;
            case MOMENTUM -> 2 * (1 + beta);
            case NESTEROV -> 2 * (1 + beta) / (1 + 2 * beta);
            case ADAM, ADAMW, ADAM_NO_BIAS_CORRECTION -> (1 + shrink(eta)) * (1 + beta) / (1 - beta);
        };
    }

    /** The limit at the rates where weight decay does not move it (η → 0). */
    public double limit() {
        return limit(0);
    }

    public String limitFormula() {
        return switch (method) {
            case SGD -> "η·λ < 2";
            case MOMENTUM -> "η·λ < 2(1+β)";
            case NESTEROV -> "η·λ < 2(1+β)/(1+2β)";
            case ADAM, ADAM_NO_BIAS_CORRECTION -> "η·λ < 2(1+β₁)/(1−β₁), λ = λmax(P⁻¹H), P frozen";
            case ADAMW -> "η·λ < (2−η·wd)(1+β₁)/(1−β₁), λ = λmax(P⁻¹H), P frozen, decoupled decay wd";
        };
    }

    /** The roots of r² − b·r + c at h = η·λ and rate η. */
    public Roots roots(double h, double eta) {
        double a = shrink(eta);
        return switch (method) {
            case SGD -> Roots.of(1 - h, 0);
            case MOMENTUM -> Roots.of(1 + beta - h, beta);
            case NESTEROV -> Roots.of((1 + beta) * (1 - h), beta * (1 - h));
            case ADAM, ADAMW, ADAM_NO_BIAS_CORRECTION -> Roots.of(a + beta - (1 - beta) * h, beta * a);
        };
    }

    /** The roots where weight decay does not move them (η → 0). */
    public Roots roots(double h) {
        return roots(h, 0);
    }

    /** η/(1−β): the steady-state step of a constant gradient (for Adam, the EMA already divides by 1−β₁). */
    public double effectiveRate(double eta) {
        return method.adaptive() ? eta : eta / (1 - beta);
    }

    public String effectiveRateFormula() {
        return method.adaptive() ? "η (Adam's EMA momentum (1−β₁)·Σβ₁ᵏ = 1 leaves the rate unchanged)" : "η/(1−β)";
    }

    public String characteristic() {
        return switch (method) {
            case SGD -> "r = 1 − h";
            case MOMENTUM -> "r² − (1+β−h)·r + β = 0";
            case NESTEROV -> "r² − (1+β)(1−h)·r + β(1−h) = 0";
            case ADAM, ADAM_NO_BIAS_CORRECTION -> "r² − (1+β₁−(1−β₁)h)·r + β₁ = 0";
            case ADAMW -> "r² − (a+β₁−(1−β₁)h)·r + β₁a = 0, a = 1 − η·wd";
        };
    }
}
