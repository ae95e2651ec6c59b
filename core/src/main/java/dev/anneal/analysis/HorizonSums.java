package dev.anneal.analysis;

import dev.anneal.schedule.Checks;
import dev.anneal.schedule.Schedule;

/** Σηₜ, Σηₜ² and max ηₜ over the steps 0 ≤ t &lt; steps, by compensated summation (one evaluation per step). */
public record HorizonSums(long steps, double sum, double sumOfSquares, double max) {

    public static HorizonSums of(Schedule schedule, long steps) {
        return over(schedule, 0, steps);
    }

    /** The sums over from ≤ t &lt; to. */
    static HorizonSums over(Schedule schedule, long from, long to) {
        Checks.nonNegative("steps", to - from);
        Neumaier sum = new Neumaier(), squares = new Neumaier();
        double max = Double.NEGATIVE_INFINITY;
        for (long t = from; t < to; t++) {
            double eta = Rates.at(schedule, t);
            sum.add(eta);
            squares.add(eta * eta);
            max = Math.max(max, eta);
        }
        return new HorizonSums(to - from, sum.value(), squares.value(), max);
    }

    /** Σηₜ^q, q = 1 or 2. */
    double power(int q) {
        return q == 1 ? sum : sumOfSquares;
    }
}
