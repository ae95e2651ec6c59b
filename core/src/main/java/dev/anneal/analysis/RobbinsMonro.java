package dev.anneal.analysis;

import dev.anneal.schedule.Schedule;

/**
 * The Robbins–Monro class of a schedule: Σηₜ = ∞ (it can travel any distance) and Σηₜ² &lt; ∞ (the gradient noise
 * averages out), both to infinity in closed form. {@code limit} bounds the steps summed for finite parts.
 */
public record RobbinsMonro(Tail sum, Tail squares) {

    public static RobbinsMonro of(Schedule schedule, long limit) {
        return new RobbinsMonro(Tails.of(schedule, 1, limit), Tails.of(schedule, 2, limit));
    }

    /** True, false, or null when a sum's class is unknown. */
    public Boolean satisfied() {
        if (sum.kind() == Tail.Kind.FINITE || squares.kind() == Tail.Kind.INFINITE) return false;
        if (sum.kind() == Tail.Kind.INFINITE && squares.kind() == Tail.Kind.FINITE) return true;
        return null;
    }

    /** Why, in words. */
    public String meaning() {
        Boolean s = satisfied();
        if (s == null) return "unknown: a sum has no closed form for this schedule";
        if (s) return "satisfied: Σηₜ = ∞ reaches any distance, Σηₜ² < ∞ averages the noise out";
        if (sum.isFinite()) return "not satisfied: Σηₜ < ∞, so the total movement G·Σηₜ is bounded (freezes if the distance is larger)";
        return "not satisfied: Σηₜ² = ∞, so the iterate keeps a noise ball of size ∝ η instead of converging";
    }
}
