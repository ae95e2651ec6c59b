package dev.anneal.lab;

import dev.anneal.schedule.Schedule;

/**
 * The movement budget Σηₜ of a schedule: how far plain SGD can move in total. Two schedules compared on their
 * shape must spend the same budget, or the comparison measures the budget instead.
 */
public final class Budget {
    private Budget() {}

    /** Σ_{t&lt;steps} η(t). */
    public static double sum(Schedule lr, long steps) {
        double s = 0;
        for (long t = 0; t < steps; t++) s += lr.at(t);
        return s;
    }

    /** The factor c with Σ c·η(t) = {@code target} over {@code steps} steps. */
    public static double scaleTo(Schedule lr, long steps, double target) {
        double s = sum(lr, steps);
        if (!(s > 0)) throw new IllegalArgumentException("schedule budget (" + s + ") must be > 0 to scale it");
        return target / s;
    }
}
