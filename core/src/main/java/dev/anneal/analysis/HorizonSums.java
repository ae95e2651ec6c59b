package dev.anneal.analysis;

import dev.anneal.schedule.Checks;
import dev.anneal.schedule.Schedule;

/** Σηₜ and Σηₜ² over the steps 0 ≤ t &lt; steps, by compensated summation (one evaluation per step). */
public record HorizonSums(long steps, double sum, double sumOfSquares) {

    public static HorizonSums of(Schedule schedule, long steps) {
        return over(schedule, 0, steps);
    }

    /** The sums over from ≤ t &lt; to. */
    static HorizonSums over(Schedule schedule, long from, long to) {
        Checks.nonNegative("steps", to - from);
        Neumaier sum = new Neumaier(), squares = new Neumaier();
        for (long t = from; t < to; t++) {
            double eta = Rates.at(schedule, t);
            sum.add(eta);
            squares.add(eta * eta);
        }
        return new HorizonSums(to - from, sum.value(), squares.value());
    }

    /** Σηₜ^power, power 1 or 2. */
    double of(int power) {
        return power == 1 ? sum : sumOfSquares;
    }
}
