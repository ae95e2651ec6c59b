package dev.anneal.optim.control;

import dev.anneal.control.Controller;
import dev.anneal.control.Observation;
import dev.anneal.control.Outcome;

import dev.anneal.optim.curvature.PowerIteration;
import dev.anneal.schedule.Checks;

import java.util.List;
import java.util.Locale;

/**
 * The curvature-adaptive rate of seed 003: η = 2s/ρ, where ρ is an online estimate of λmax (power iteration on the
 * observation's Hessian–vector products, warm-started from the previous eigenvector) refreshed at the first
 * observation and then every {@code every} observations. The schedule's base caps it: the rate is
 * min(base, 2s/ρ), so a warmup still ramps and a constant base above 2s/ρ gives exactly 2s/ρ. Before the first
 * estimate, or when ρ = 0, the rate is the base. ρ is |θ| for the Rayleigh quotient θ: for a positive semi-definite
 * Hessian a lower bound on λmax, reached only as the iteration converges, which is one reason for s &lt; 1.
 *
 * <p>Each refresh is {@link PowerIteration#refresh}: the previous vector plus a fresh random unit vector, drawn
 * from the products used so far, so a resumed run repeats it.
 *
 * @param safety the fraction s of the stability limit 2/λmax, in (0, 1)
 * @param every  observations between refreshes (≥ 1)
 * @param power  the power iteration run at each refresh (its product budget bounds the cost)
 */
public record CurvatureRate(double safety, long every, PowerIteration power) implements Controller<CurvatureRate.State> {

    /**
     * @param rho          the λmax estimate (NaN before the first)
     * @param vector       the last eigenvector estimate (empty before the first), the warm start of the next refresh
     * @param sinceRefresh observations since the last refresh
     * @param products     Hessian–vector products used so far
     */
    public record State(double rho, List<Double> vector, long sinceRefresh, long products) {
        public State {
            vector = List.copyOf(vector);
        }
    }

    public CurvatureRate {
        if (!(safety > 0 && safety < 1)) throw Checks.fail("safety", safety, "must be in (0, 1)");
        Checks.positive("every", every);
        if (power == null) throw new IllegalArgumentException("power (null) must be a power iteration");
    }

    @Override
    public State start(double base) {
        return new State(Double.NaN, List.of(), every, 0);
    }

    @Override
    public double rate(State state, double base) {
        return Double.isNaN(state.rho()) || state.rho() == 0 ? base : Math.min(base, 2 * safety / state.rho());
    }

    @Override
    public Outcome<State> observe(State state, long step, double base, Observation observation) {
        if (state.sinceRefresh() < every) {
            return Outcome.quiet(new State(state.rho(), state.vector(), state.sinceRefresh() + 1, state.products()));
        }
        if (observation.hvp() == null) {
            throw new IllegalArgumentException("observation.hvp (null) must be given at step " + step + ": the λmax estimate is due");
        }
        PowerIteration.Estimate e = state.vector().isEmpty() ? power.run(observation.hvp())
                : power.refresh(observation.hvp(), state.vector().stream().mapToDouble(Double::doubleValue).toArray(), state.products());
        List<Double> vector = java.util.Arrays.stream(e.vector()).boxed().toList();
        // A change within the iteration's own tolerance is noise (each warm start differs a little): ρ and the rate stay.
        if (Math.abs(Math.abs(e.value()) - state.rho()) <= power.tolerance() * state.rho()) { // false while ρ is NaN
            return Outcome.quiet(new State(state.rho(), vector, 1, state.products() + e.products()));
        }
        State next = new State(Math.abs(e.value()), vector, 1, state.products() + e.products());
        // A new limit is a decision even while the schedule caps the rate below it (old and new rate then agree).
        return Outcome.decided(next, step, rate(state, base), rate(next, base), String.format(Locale.ROOT,
                "lambda_max estimate rho = %.6g (%d products, %s): rate = min(base, 2*%s/rho = %.6g)",
                next.rho(), e.products(), e.converged() ? "converged" : "budget spent", safety, 2 * safety / next.rho()));
    }

    @Override
    public Class<State> stateType() {
        return State.class;
    }
}
