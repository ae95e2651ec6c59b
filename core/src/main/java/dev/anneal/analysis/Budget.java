package dev.anneal.analysis;

import dev.anneal.schedule.Schedule;

/**
 * The movement budget: with gradients bounded by G, the parameters move at most G·Σηₜ. Compared with the distance
 * D to travel: {@code reachStep} is the first step by which G·Σ_{s≤t}ηₛ ≥ D (−1 if never within the horizon);
 * when the horizon's budget falls short, {@code freezeStep} is the first step after which the remaining budget
 * G·(Σ − Σ_{s≤t}ηₛ) is below 1% of D (Σ to infinity when finite, else over the horizon): premature freezing.
 */
public record Budget(double gradBound, double distance, double horizon, double infinite, long reachStep, long freezeStep) {

    static final double FROZEN = 0.01;

    public static Budget of(Schedule schedule, long steps, double gradBound, double distance, HorizonSums sums, Tail sum) {
        double horizon = gradBound * sums.sum();
        double infinite = sum.isFinite() ? gradBound * sum.value() : Double.POSITIVE_INFINITY;
        double total = Double.isFinite(infinite) ? infinite : horizon;
        boolean falls = horizon < distance;
        long reach = -1, freeze = -1;
        Neumaier prefix = new Neumaier();
        for (long t = 0; t < steps; t++) {
            prefix.add(Rates.at(schedule, t));
            double moved = gradBound * prefix.value();
            if (!falls && moved >= distance) { reach = t; break; }
            if (falls && total - moved < FROZEN * distance) { freeze = t; break; }
        }
        return new Budget(gradBound, distance, horizon, infinite, reach, freeze);
    }

    public boolean freezes() {
        return horizon < distance;
    }
}
