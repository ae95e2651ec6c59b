package dev.anneal.analysis;

import dev.anneal.optimizer.Dynamics;
import dev.anneal.optimizer.Method;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Turns each analysis into a report section: every quantity with its formula. */
final class Sections {
    private Sections() {}

    /** The caveat of an adaptive method, named by its key (adam, adamw, …). */
    static String adaptiveCaveat(String method) {
        return method + ": stability certified only for a frozen preconditioner P with λ = λmax(P⁻¹H);"
                + " the early steps, while the moment estimates still move, are not certified";
    }

    private static final String CLASS = "finite, infinite or unknown, by the reason above";

    static Section sums(HorizonSums s, RobbinsMonro rm) {
        return new Section("sums", "Sums (horizon N = " + s.steps() + " and to infinity)", List.of(
                new Quantity("sum_eta", "Σηₜ, t < N", s.sum(), "Σ_{t=0}^{N−1} ηₜ (compensated summation)"),
                new Quantity("sum_eta_squared", "Σηₜ², t < N", s.sumOfSquares(), "Σ_{t=0}^{N−1} ηₜ² (compensated summation)"),
                new Quantity("sum_eta_infinity", "Σηₜ to ∞", rm.sum().value(), rm.sum().reason()),
                new Quantity("sum_eta_infinity_class", "Σηₜ to ∞ is", rm.sum().kind().name().toLowerCase(Locale.ROOT), CLASS),
                new Quantity("sum_eta_squared_infinity", "Σηₜ² to ∞", rm.squares().value(), rm.squares().reason()),
                new Quantity("sum_eta_squared_infinity_class", "Σηₜ² to ∞ is", rm.squares().kind().name().toLowerCase(Locale.ROOT), CLASS),
                new Quantity("robbins_monro", "Robbins–Monro", rm.satisfied() == null ? (Object) "unknown" : rm.satisfied(),
                        "Σηₜ = ∞ and Σηₜ² < ∞")),
                List.of("Robbins–Monro " + rm.meaning()));
    }

    static Section budget(Budget b, boolean withDistance) {
        List<Quantity> q = new ArrayList<>(List.of(
                new Quantity("grad_bound", "G", b.gradBound(), "given: ‖∇‖ ≤ G"),
                new Quantity("movement", "movement budget, t < N", b.horizon(), "G·Σ_{t<N} ηₜ"),
                new Quantity("movement_infinity", "movement budget to ∞", b.infinite(), "G·Σ_{t≥0} ηₜ")));
        List<String> notes = new ArrayList<>();
        if (withDistance) {
            q.add(new Quantity("distance", "distance D", b.distance(), "given"));
            if (b.freezes()) {
                q.add(new Quantity("freeze_step", "frozen from step", b.freezeStep(),
                        "first t with G·(Σ − Σ_{s≤t} ηₛ) < 1% of D (Σ to ∞ if finite, else to N)"));
                notes.add("premature freezing: the schedule can move at most " + num(b.horizon()) + " < D = " + num(b.distance())
                        + (Double.isFinite(b.infinite()) ? " (and at most " + num(b.infinite()) + " with infinite training)" : ""));
            } else {
                q.add(new Quantity("reach_step", "budget reaches D at step", b.reachStep(), "first t with G·Σ_{s≤t} ηₛ ≥ D"));
            }
        }
        return new Section("budget", "Movement budget", q, notes);
    }

    static Section stability(Stability s, boolean bound) {
        Dynamics o = s.optimizer();
        List<Quantity> q = new ArrayList<>();
        q.add(new Quantity(bound ? "lambda_max_bound" : "lambda_max", bound ? "Λ (bound on λmax)" : "λmax", s.lambda(),
                bound ? "given: Λ ≥ λmax (e.g. E‖x‖² at initialisation for a squared loss on a linear layer)" : "given"));
        q.add(new Quantity("optimizer", "optimizer", o.method().key(), o.characteristic()));
        if (o.method() != Method.SGD) q.add(new Quantity("momentum", o.method().adaptive() ? "β₁" : "β", o.beta(), "given"));
        if (o.method().decoupled()) q.add(new Quantity("weight_decay", "decoupled weight decay wd", o.weightDecay(), "given, or AdamW's default"));
        if (s.scale() != 1) q.add(new Quantity("rate_scale", "applied rate factor K", s.scale(), "accumulation in sum mode: η_applied = K·ηₜ"));
        q.add(new Quantity("h_limit", "limit h* on η·λ", s.limit(), o.limitFormula() + " (roots of " + o.characteristic() + " inside |r| < 1)"));
        q.add(new Quantity("rate_limit", "largest stable rate", s.rateLimit(), "η* = h*/(K·λ)"));
        q.add(new Quantity("max_eta_lambda", "max K·ηₜ·λ (step " + s.maxHStep() + ")", s.maxH(), "max_t K·ηₜ·λ"));
        q.add(new Quantity("unstable_steps", "unstable steps", s.unstableSteps(), "#{t < N : K·ηₜ·λ ∉ [0, h*)}"));
        if (!s.stable()) {
            q.add(new Quantity("unstable_runs", "unstable at", s.unstable().stream().map(StepRun::toString).collect(Collectors.joining(", ")),
                    "runs of consecutive t with K·ηₜ·λ ≥ h* (first " + Stability.RUNS_KEPT + ")"));
        }
        q.add(new Quantity("max_spectral_radius", "max spectral radius (step " + s.maxRadiusStep() + ")", s.maxRadius(),
                "max_t max|r|, r the roots of " + o.characteristic() + " at h = K·ηₜ·λ"));
        if (o.method() != Method.SGD) {
            q.add(new Quantity("min_damping_ratio", "min damping ratio ζ" + (Double.isNaN(s.minDamping()) ? "" : " (step " + s.minDampingStep() + ")"),
                    s.minDamping(), "ζ = −Re s/|s|, s = ln r (the oscillator ẍ + 2ζωẋ + ω²x = 0 sampled at unit steps); "
                    + "≈ (1−β)/(2√h) for small h"));
            q.add(new Quantity("damping_along", "ζ(t) along the schedule", s.dampingAlong().stream()
                    .map(d -> "t=" + d.step() + ": " + num(d.zeta())).collect(Collectors.joining(", ")),
                    "ζ from the roots at h = K·ηₜ·λ; n/a where a root is ≤ 0 (sign flips) or ≥ 1"));
        }
        q.add(new Quantity("max_effective_rate", "max effective rate", s.maxEffectiveRate(), "max_t " + o.effectiveRateFormula()));
        List<String> notes = new ArrayList<>();
        if (o.method().adaptive()) {
            notes.add("certified: with P frozen (late training) and λ = λmax(P⁻¹H), Adam is heavy ball with rate η(1−β₁), stable iff "
                    + o.limitFormula() + "; also |Δθᵢ| ≤ η per step when (1−β₁) ≤ √(1−β₂) (Kingma & Ba, §2.1)");
            notes.add("not certified: the raw Hessian λmax says nothing about Adam's stability, and early steps (bias-corrected moments still moving) are outside the model");
        }
        if (!s.stable() && o.method() == Method.MOMENTUM) {
            notes.add("heavy ball: stable iff spectral radius < 1, i.e. η·λ < 2(1+β); the effective rate η/(1−β) is what the loss sees");
        }
        return new Section("stability", "Stability against " + (bound ? "Λ" : "λmax"), q, notes);
    }

    static Section warmup(WarmupAdvice w, Stability s) {
        List<Quantity> q = new ArrayList<>(List.of(
                new Quantity("start_below", "a warmup must start below", w.rateLimit(), "η(0) < h*/(K·λ)" + (s.optimizer().method() == Method.SGD ? " = 2/(K·Λ)" : "")),
                new Quantity("initial_rate", "η(0)", w.initialRate(), "the schedule at step 0"),
                new Quantity("warmup_steps", "shortest linear warmup", w.steps(),
                        "w = 1 + last t with K·η(t)·Λ ≥ h* (0: none needed, −1: none helps)")));
        w.fixed().ifPresent(f -> q.add(new Quantity("fixed_spec", "recommended", f.toString(),
                "linear(0, η(w), steps=w) then shift(S, w): the ramp stays below η(w) < η*")));
        List<String> notes = new ArrayList<>();
        if (w.steps() == 0) notes.add("no warmup needed: every step is stable");
        else if (w.steps() < 0) notes.add("no warmup helps: the schedule is unstable up to the end of the horizon; lower its peak below " + num(w.rateLimit()));
        else notes.add("with a " + w.steps() + "-step linear warmup the first unstable step disappears; with " + (w.steps() - 1)
                + " steps step " + (w.steps() - 1) + " is unstable again");
        return new Section("warmup", "Warmup", q, notes);
    }

    static Section batch(BatchRules b, boolean withBatch) {
        List<Quantity> q = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        q.add(new Quantity("peak", "peak rate η̂", b.peak(), "max_{t<N} ηₜ (tuned at the base batch)"));
        if (withBatch) {
            q.add(new Quantity("batch", "B", b.batch(), "given"));
            q.add(new Quantity("base_batch", "B₀", b.baseBatch(), "given"));
            q.add(new Quantity("linear_rule", "linear rule", b.linear(), "η̂·B/B₀ (keeps the update per sample)"));
            q.add(new Quantity("sqrt_rule", "square-root rule", b.sqrt(), "η̂·√(B/B₀) (keeps the update variance)"));
        }
        q.add(new Quantity("hidden_factor", "hidden factor", b.hiddenFactor(), "K in sum mode (gradients added, not averaged), 1 in mean mode"));
        if (!Double.isNaN(b.rateLimit())) {
            q.add(new Quantity("stability_rate", "η_stability", b.rateLimit(), "h*/λ"));
            if (withBatch) {
                q.add(new Quantity("target", "safe target", b.target(), "min(η_linear, η_stability)"));
                q.add(new Quantity("configured_peak", "peak to configure", b.configuredPeak(), "target/K (sum mode), target (mean mode)"));
                if (b.linear() >= b.rateLimit()) notes.add("the linear rule (" + num(b.linear()) + ") exceeds the stability limit " + num(b.rateLimit()));
                if (b.sqrt() >= b.rateLimit()) notes.add("the square-root rule (" + num(b.sqrt()) + ") exceeds the stability limit " + num(b.rateLimit()));
            }
        }
        if (b.hiddenFactor() > 1) notes.add("sum mode multiplies every rate by K = " + b.hiddenFactor() + "; mean mode would not");
        return new Section("batch", "Batch size and accumulation", q, notes);
    }

    static Section decay(Decay d) {
        List<Quantity> q = new ArrayList<>(List.of(
                new Quantity("weight_decay", "λ", d.weightDecay(), "given (decoupled: θ ← θ·(1 − ηₜλ))"),
                new Quantity("shrinkage", "total shrinkage", d.shrinkage(), "Π_{t<N} (1 − ηₜλ)"),
                new Quantity("warmup", "warmup steps in the schedule", d.warmup(), "read from the spec (warmup, wsd, linear ramp then …, onecycle)")));
        if (d.warmup() > 0) {
            q.add(new Quantity("lambda_post", "λpost (decay off during warmup)", d.postWarmup(),
                    "solves Π_{w≤t<N} (1 − ηₜλpost) = Π_{t<N} (1 − ηₜλ)"));
        }
        List<String> notes = d.firstNonPositive() >= 0
                ? List.of("1 − ηₜλ ≤ 0 from step " + d.firstNonPositive() + ": decay overshoots and flips the weights' sign")
                : List.of();
        return new Section("weight_decay", "Weight decay (AdamW)", q, notes);
    }

    static String num(double v) {
        return Quantity.format(v);
    }
}
