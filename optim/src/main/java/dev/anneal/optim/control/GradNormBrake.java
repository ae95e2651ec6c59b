package dev.anneal.optim.control;

import dev.anneal.control.Controller;
import dev.anneal.control.Observation;
import dev.anneal.control.Outcome;

import dev.anneal.schedule.Checks;

import java.util.ArrayList;
import java.util.List;

/**
 * A gradient-norm brake (seed 003): the rate is {@code base × scale}. When the norm has grown by at least
 * {@code growth} at each of the last {@code window} steps (geometric growth: the sign of a step too large for the
 * curvature), or is NaN/∞, the scale is multiplied by {@code cut} (never below {@code minScale}) and the window
 * starts afresh. After {@code calm} observations in a row without a cut the scale recovers by × {@code recover},
 * up to 1: slowly, in steps, each logged.
 *
 * @param window   consecutive growth steps that trigger the brake (≥ 1)
 * @param growth   the per-step growth factor that counts as explosive (> 1)
 * @param cut      the factor applied on a trigger, in (0, 1)
 * @param calm     observations without a trigger before one recovery step (≥ 1)
 * @param recover  the recovery factor (> 1)
 * @param minScale the lowest scale, in (0, 1]
 */
public record GradNormBrake(int window, double growth, double cut, int calm, double recover, double minScale)
        implements Controller<GradNormBrake.State> {

    /** The current scale, the recent norms (at most window + 1), and observations since the last cut or recovery. */
    public record State(double scale, List<Double> norms, int calmSteps) {
        public State {
            norms = List.copyOf(norms);
        }
    }

    public GradNormBrake {
        Checks.positive("window", window);
        if (!(growth > 1) || growth == Double.POSITIVE_INFINITY) throw Checks.fail("growth", growth, "must be > 1 and finite");
        if (!(cut > 0 && cut < 1)) throw Checks.fail("cut", cut, "must be in (0, 1)");
        Checks.positive("calm", calm);
        if (!(recover > 1) || recover == Double.POSITIVE_INFINITY) throw Checks.fail("recover", recover, "must be > 1 and finite");
        Checks.inLeftOpen("minScale", minScale, 0, 1);
    }

    @Override
    public State start(double base) {
        return new State(1, List.of(), 0);
    }

    @Override
    public double rate(State state, double base) {
        return base * state.scale();
    }

    @Override
    public Outcome<State> observe(State state, long step, double base, Observation observation) {
        double norm = observation.gradNorm();
        if (!Double.isFinite(norm)) return brake(state, step, base, "grad norm " + norm + " is not finite", List.of());
        List<Double> norms = new ArrayList<>(state.norms());
        norms.add(norm);
        if (norms.size() > window + 1) norms.removeFirst();
        if (norms.size() == window + 1 && growing(norms)) {
            String why = "grad norm grew by >= x" + growth + " at each of the last " + window + " steps ("
                    + Checks.format(norms.getFirst()) + " -> " + Checks.format(norm) + ")";
            return brake(state, step, base, why, List.of(norm));
        }
        int calmSteps = state.calmSteps() + 1;
        if (calmSteps >= calm && state.scale() < 1) {
            State next = new State(Math.min(1, state.scale() * recover), norms, 0);
            return Outcome.decided(next, step, rate(state, base), rate(next, base),
                    "calm for " + calm + " steps: recover x" + recover);
        }
        return Outcome.quiet(new State(state.scale(), norms, calmSteps));
    }

    private Outcome<State> brake(State state, long step, double base, String why, List<Double> norms) {
        State next = new State(Math.max(minScale, state.scale() * cut), norms, 0);
        if (next.scale() == state.scale()) return Outcome.quiet(next); // already at minScale: nothing changes, nothing to log
        return Outcome.decided(next, step, rate(state, base), rate(next, base), why + ": brake x" + cut);
    }

    private boolean growing(List<Double> norms) {
        for (int i = 1; i < norms.size(); i++) if (!(norms.get(i) >= growth * norms.get(i - 1))) return false;
        return true;
    }

    @Override
    public Class<State> stateType() {
        return State.class;
    }
}
