package dev.anneal.analysis;

import dev.anneal.schedule.*;

import java.util.List;

/**
 * Σ_{t≥0} ηₜ^q (q = 1 or 2) in closed form for the native families and their compositions. Finite parts that
 * have no closed form (a cosine's sum over its duration) are summed when they lie within {@code limit} steps,
 * so the cost stays linear in the horizon; beyond it the value is NaN and only the class is reported.
 */
final class Tails {
    private Tails() {}

    static Tail of(Schedule schedule, int q, long limit) {
        return switch (schedule) {
            case Constant c -> constant(c.value(), q, "constant");
            case Linear l -> afterDuration(l, l.end(), q, limit);
            case Polynomial p -> afterDuration(p, p.end(), q, limit);
            case Cosine c -> afterDuration(c, c.floor(), q, limit);
            case OneCycle o -> afterDuration(o, o.peak() == 0 ? 0 : o.last(), q, limit);
            case Wsd w -> afterDuration(w, w.floor(), q, limit);
            case Exponential e -> geometric(e.value(), e.gamma(), 1, q, "exponential");
            case HalfLife h -> geometric(h.value(), Math.pow(2, -1 / h.halfLife()), 1, q, "half-life, γ = 2^(−1/h)");
            case Step s -> geometric(s.value(), s.gamma(), s.every(), q, "step");
            case MultiStep m -> multistep(m, q);
            case PowerLaw p -> power(p.value(), p.alpha(), 1, q, "power_law: η = v·(t+1)^−α");
            case InverseSqrt s -> power(s.value(), 0.5, 1, q, "inverse_sqrt: η = v/√(t+1)");
            case InverseTime i -> i.k() == 0 || i.power() == 0 ? constant(i.value(), q, "inverse_time with k·p = 0")
                    : power(i.value() * Math.pow(i.k(), -i.power()), i.power(), 1 / i.k(), q,
                            "inverse_time: η = v·(1+k·t)^−p = v·k^−p·(t + 1/k)^−p");
            case Sgdr s -> s.value() == 0 && s.floor() == 0 ? Tail.finite(0, "sgdr with value = floor = 0")
                    : Tail.infinite("sgdr restarts at value every cycle, so ηₜ does not tend to 0");
            case Cyclic c -> cyclic(c);
            case Then t -> withHead(t.first(), t.first().duration().getAsLong(), q, limit, of(t.next(), q, limit));
            case Warmup w -> {
                double v = Math.pow(w.target().at(0), q), n = w.steps();
                double ramp = q == 1 ? v * (n - 1) / 2 : v * (n - 1) * (2 * n - 1) / (6 * n);
                yield of(w.target(), q, limit).plus(ramp, "warmup ramp Σ_{t<w}(η₀·t/w)^" + q
                        + (q == 1 ? " = η₀(w−1)/2" : " = η₀²(w−1)(2w−1)/(6w)"));
            }
            case Scaled s -> of(s.schedule(), q, limit).times(Math.pow(s.factor(), q), "scaled: factor^" + q + " × the child's sum");
            case Shift s -> shift(s, q, limit);
            case Phase p -> periodic(p, q, limit);
            case Counter c -> c.period().isPresent() ? periodic(c, q, limit) : Tail.unknown("counter of a non-periodic schedule: no closed form");
            case Clamp c -> clamp(c, q, limit);
            case Rescale r -> rescale(r, q, limit);
            case Product p -> Tail.unknown("a product of schedules has no closed form here");
            case Custom c -> Tail.unknown("a custom function (" + c.name() + ") has no closed form");
            case Framework f -> f.toNative().map(n -> of(n, q, limit))
                    .orElseGet(() -> Tail.unknown(f.spec() + " has no native equivalent to analyse"));
        };
    }

    private static Tail constant(double v, int q, String what) {
        return v == 0 ? Tail.finite(0, what + " 0") : Tail.infinite(what + " η = " + fmt(v) + " ≠ 0 never decays: Σ = ∞");
    }

    /** A finite-duration family that holds {@code end} after its duration D. */
    private static Tail afterDuration(Schedule s, double end, int q, long limit) {
        long d = s.duration().getAsLong();
        if (end != 0) return Tail.infinite("holds η = " + fmt(end) + " ≠ 0 after step " + d + ": Σ = ∞");
        return withHead(s, d, q, limit, Tail.finite(0, "0 after step " + d));
    }

    /** {@code tail} plus Σ_{t<d} s(t)^q, summed when d ≤ limit. */
    private static Tail withHead(Schedule s, long d, int q, long limit, Tail tail) {
        double head = d <= limit ? HorizonSums.over(s, 0, d).power(q) : Double.NaN;
        return tail.plus(head, "Σ over the first " + d + " steps" + (d <= limit ? " summed" : " not summed (beyond the horizon)"));
    }

    /** v·γ^⌊t/every⌋: Σ = every·v^q/(1 − γ^q) for γ &lt; 1. */
    private static Tail geometric(double v, double gamma, long every, int q, String what) {
        if (v == 0) return Tail.finite(0, what + " with value 0");
        if (gamma >= 1) return Tail.infinite(what + ": γ = " + fmt(gamma) + " ≥ 1, ηₜ does not tend to 0: Σ = ∞");
        double g = Math.pow(gamma, q);
        String block = every == 1 ? "" : every + "·";
        return Tail.finite(every * Math.pow(v, q) / (1 - g),
                what + ": Σ" + (q == 1 ? "η" : "η²") + " = " + block + "v" + (q == 1 ? "" : "²") + "/(1 − γ" + (q == 1 ? "" : "²") + ") (geometric, γ < 1)");
    }

    private static Tail multistep(MultiStep m, int q) {
        List<Long> at = m.at();
        double last = m.value() * Math.pow(m.gamma(), at.size());
        if (last != 0) return Tail.infinite("multistep holds η = " + fmt(last) + " ≠ 0 after the last milestone: Σ = ∞");
        Neumaier sum = new Neumaier();
        long start = 0;
        for (int i = 0; i < at.size(); i++) {
            sum.add((at.get(i) - start) * Math.pow(m.value() * Math.pow(m.gamma(), i), q));
            start = at.get(i);
        }
        return Tail.finite(sum.value(), "multistep: Σ over segments of (length × value^" + q + "), 0 after the last milestone");
    }

    /** c·(t + a)^−p: Σ_{t≥0} η^q = c^q·ζ(p·q, a) for p·q &gt; 1, ∞ otherwise (p-series). */
    private static Tail power(double c, double p, double a, int q, String what) {
        if (c == 0) return Tail.finite(0, what + " with value 0");
        double s = p * q;
        if (s > 1) return Tail.finite(Math.pow(c, q) * Zeta.hurwitz(s, a),
                what + ": Σ η^" + q + " = c^" + q + "·ζ(" + fmt(s) + ", " + fmt(a) + ") (Hurwitz zeta; p-series with exponent " + fmt(s) + " > 1)");
        return Tail.infinite(what + ": Σ (t + a)^−" + fmt(s) + " diverges (p-series with exponent " + fmt(s) + " ≤ 1)");
    }

    private static Tail cyclic(Cyclic c) {
        if (c.lo() != 0) return Tail.infinite("cyclic never goes below lo = " + fmt(c.lo()) + " ≠ 0: Σ = ∞");
        if (c.hi() == 0) return Tail.finite(0, "cyclic with lo = hi = 0");
        return switch (c.mode()) {
            case TRIANGULAR -> Tail.infinite("triangular cycles repeat with amplitude " + fmt(c.hi()) + ": Σ = ∞");
            case TRIANGULAR2 -> Tail.finite(Double.NaN, "triangular2 halves the amplitude each cycle: Σ ≤ Σ (up+down)·hi·2^−k < ∞");
            case EXP_RANGE -> c.gamma() < 1 ? Tail.finite(Double.NaN, "exp_range: η ≤ hi·γ^t with γ < 1: Σ < ∞ (geometric bound)")
                    : Tail.infinite("exp_range with γ = 1 is triangular: Σ = ∞");
        };
    }

    private static Tail shift(Shift s, int q, long limit) {
        Tail child = of(s.schedule(), q, limit);
        if (s.by() < 0) {
            double held = -(double) s.by() * Math.pow(Rates.at(s.schedule(), 0), q);
            return child.plus(held, "shift by " + s.by() + " holds η(0) for " + -s.by() + " steps");
        }
        double skipped = s.by() <= limit ? HorizonSums.over(s.schedule(), 0, s.by()).power(q) : Double.NaN;
        return child.plus(-skipped, "shift by " + s.by() + " drops the child's first " + s.by() + " steps");
    }

    /** A periodic schedule: Σ = ∞ unless every value in a period is 0 (checked over one period, if within the limit). */
    private static Tail periodic(Schedule s, int q, long limit) {
        long period = s.period().getAsLong();
        for (long t = 0; t < Math.min(period, limit); t++) {
            if (Rates.at(s, t) != 0) return Tail.infinite("periodic (period " + period + ") with η(" + t + ") ≠ 0: Σ = ∞");
        }
        return period <= limit ? Tail.finite(0, "periodic and 0 over a whole period")
                : Tail.unknown("periodic with a period (" + period + ") longer than the horizon");
    }

    private static Tail clamp(Clamp c, int q, long limit) {
        if (c.min() > 0) return Tail.infinite("clamp keeps η ≥ min = " + fmt(c.min()) + " > 0: Σ = ∞");
        if (c.max() < 0) return Tail.infinite("clamp keeps η ≤ max = " + fmt(c.max()) + " < 0: Σ = ∞");
        Range r = c.schedule().range();
        Tail child = of(c.schedule(), q, limit);
        if (r.min() >= c.min() && r.max() <= c.max()) return child.plus(0, "the clamp never binds");
        if (child.isFinite()) return Tail.finite(Double.NaN, "|clamp(η)| ≤ |η| with 0 inside [min, max]: finite like the child; " + child.reason());
        return Tail.unknown("a binding clamp of a schedule whose sum is not finite");
    }

    /** An affine image of the child: it holds its end value after a finite duration, repeats when periodic. */
    private static Tail rescale(Rescale r, int q, long limit) {
        if (r.min() > 0) return Tail.infinite("rescale keeps η ≥ min = " + fmt(r.min()) + " > 0: Σ = ∞");
        if (r.duration().isPresent()) return afterDuration(r, Rates.at(r, r.duration().getAsLong()), q, limit);
        if (r.period().isPresent()) return periodic(r, q, limit);
        return Tail.unknown("rescale of a schedule that neither ends nor repeats: no closed form here");
    }

    static String fmt(double v) {
        return Checks.format(v);
    }
}
