package dev.anneal.optim.control;

/**
 * A closed-loop controller: a pure function of an explicit state (a record, saved and restored by
 * {@link Controlled}). {@code base} is the schedule's value at the current step; each controller says whether it
 * multiplies it (the brake), replaces it (plateau, from the lr it starts with) or caps it (curvature).
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
