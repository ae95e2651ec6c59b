package dev.anneal.control;

/**
 * A closed-loop controller, Anneal's one abstraction for rates that follow measurements: a pure function of an
 * explicit state (a record; optim's {@code Controlled} composes it with a schedule, runs the loop and saves the
 * state as JSON). {@code base} is the schedule's value at the current step; each controller says whether it
 * multiplies it (the brake), replaces it ({@link Plateau}, from the lr it starts with) or caps it (curvature).
 * A loop applies {@link #rate} as an explicit input of its update; no controller hides behind a schedule.
 *
 * @param <S> the state record
 */
public interface Controller<S extends Record> {

    /** The state when the controller takes over, given the schedule's value at that step. */
    S start(double base);

    /** The rate to apply now. */
    double rate(S state, double base);

    /** The state after observing {@code step}, and the decision if the controller changed the rate or its limit. */
    Outcome<S> observe(S state, long step, double base, Observation observation);

    /** The state's class, for restoring it from JSON. */
    Class<S> stateType();
}
