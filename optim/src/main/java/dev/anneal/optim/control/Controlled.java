package dev.anneal.optim.control;

import dev.anneal.control.Controller;
import dev.anneal.control.Observation;
import dev.anneal.control.Outcome;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anneal.schedule.Checks;
import dev.anneal.schedule.Schedule;

/**
 * A schedule with a controller: before step {@code from} the rate is the schedule's; from then on the controller
 * decides, given the schedule's value as its base (see each controller for multiply, replace or cap). Example:
 * warmup for 100 steps, then plateau control from the peak:
 * {@code new Controlled<>(Schedule.warmup(100, Schedule.constant(0.1)), 100, plateau)}.
 *
 * <p>The loop: {@code lr = rate(state)}; update with lr; {@code state = observe(state, measurements).state()}. The
 * state is a value; {@link #save} and {@link #restore} write and read it as JSON, exactly (doubles round-trip).
 */
public record Controlled<S extends Record>(Schedule schedule, long from, Controller<S> controller) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The step about to run, and the controller's state. */
    public record State<S>(long step, S controller) {}

    public Controlled {
        if (schedule == null) throw new IllegalArgumentException("schedule (null) must be a schedule");
        Checks.nonNegative("from", from);
        if (controller == null) throw new IllegalArgumentException("controller (null) must be a controller");
    }

    public State<S> start() {
        return new State<>(0, controller.start(schedule.at(from)));
    }

    /** The rate for the step {@code state.step()}. */
    public double rate(State<S> state) {
        double base = schedule.at(state.step());
        return state.step() < from ? base : controller.rate(state.controller(), base);
    }

    /** Feeds the measurements of step {@code state.step()}; the controller ignores them before {@code from}. */
    public Outcome<State<S>> observe(State<S> state, Observation observation) {
        long step = state.step();
        if (step < from) return Outcome.quiet(new State<>(step + 1, state.controller()));
        Outcome<S> out = controller.observe(state.controller(), step, schedule.at(step), observation);
        return new Outcome<>(new State<>(step + 1, out.state()), out.decision());
    }

    public String save(State<S> state) {
        try {
            return JSON.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot save " + state + ": " + e.getOriginalMessage(), e);
        }
    }

    public State<S> restore(String json) {
        try {
            return JSON.readValue(json, JSON.getTypeFactory().constructParametricType(State.class, controller.stateType()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("state (" + json + ") must be a saved " + controller.getClass().getSimpleName()
                    + " state: " + e.getOriginalMessage(), e);
        }
    }
}
