package dev.anneal.analysis;

import dev.anneal.schedule.InvalidInputException;

import dev.anneal.schedule.Schedule;

/** Reads a schedule's rate, refusing NaN and infinities so that they never reach a sum. */
final class Rates {
    private Rates() {}

    static double at(Schedule schedule, long step) {
        double eta = schedule.at(step);
        if (!Double.isFinite(eta)) {
            throw InvalidInputException.of("the schedule's value at step " + step + " (" + eta + ") must be finite");
        }
        return eta;
    }
}
