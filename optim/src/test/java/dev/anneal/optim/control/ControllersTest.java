package dev.anneal.optim.control;

import dev.anneal.control.Observation;

import dev.anneal.control.Decision;

import dev.anneal.control.Outcome;

import dev.anneal.control.Plateau;
import dev.anneal.dialect.torch.ReduceLROnPlateau;
import dev.anneal.optim.curvature.Hvp;
import dev.anneal.optim.curvature.PowerIteration;
import dev.anneal.optim.curvature.Spectra;
import dev.anneal.schedule.Schedule;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ControllersTest {

    private static final Plateau PLATEAU = new Plateau(Plateau.Mode.MIN, 0.5, 2, 1e-4, Plateau.ThresholdMode.REL, 1, 0.001, 1e-8);

    /** Rates and decisions of {@code steps} steps; when {@code interruptAt} ≥ 0 the state is saved to JSON there and restored. */
    private static <S extends Record> Run run(Controlled<S> c, LongFunction<Observation> signals, int steps, int interruptAt) {
        Run r = new Run(new ArrayList<>(), new ArrayList<>());
        Controlled.State<S> s = c.start();
        for (int t = 0; t < steps; t++) {
            if (t == interruptAt) s = c.restore(c.save(s));
            r.rates().add(c.rate(s));
            Outcome<Controlled.State<S>> out = c.observe(s, signals.apply(t));
            out.decision().ifPresent(r.decisions()::add);
            s = out.state();
        }
        return r;
    }

    private record Run(List<Double> rates, List<Decision> decisions) {}

    /** A loss that falls, stalls from step 10, falls again at 30. */
    private static double metric(long t) {
        return t < 10 ? 1.0 / (t + 1) : t < 30 ? 0.1 : 0.05;
    }

    @Test
    void plateau_sameRatesAsTheTorchDialect() {
        double[] metrics = new double[40];
        for (int t = 0; t < 40; t++) metrics[t] = metric(t);
        double[] torch = new ReduceLROnPlateau(0.1, PLATEAU).trace(metrics);
        Controlled<Plateau.State> c = new Controlled<>(Schedule.constant(0.1), 0, PLATEAU);
        Run r = run(c, t -> Observation.metric(metric(t)), 40, -1);
        for (int t = 0; t < 40; t++) assertThat(r.rates().get(t)).as("step %d", t).isEqualTo(torch[t]);
        // 10 is worse than best 0.1 from step 11; patience 2 → cut at 12, cooldown 1, cut again at 15, 18, …
        assertThat(r.decisions().getFirst().step()).isEqualTo(12);
        assertThat(r.decisions().getFirst().newRate()).isEqualTo(0.05);
        assertThat(r.decisions().getFirst().reason()).contains("did not improve on best 0.1").contains("lr × 0.5");
    }

    @Test
    void plateau_afterWarmup_startsFromThePeak() {
        Schedule warmup = Schedule.warmup(5, Schedule.constant(0.1));
        Controlled<Plateau.State> c = new Controlled<>(warmup, 5, PLATEAU);
        Run r = run(c, t -> Observation.metric(1.0), 12, -1);
        for (int t = 0; t < 5; t++) assertThat(r.rates().get(t)).isEqualTo(warmup.at(t));
        assertThat(r.rates().get(5)).isEqualTo(0.1);
        // metrics 1, 1, 1 from step 5: best at 5, bad at 6 and 7, the third (step 8) exceeds patience 2
        assertThat(r.decisions()).extracting(Decision::step).startsWith(8L);
        assertThat(r.rates().get(9)).isEqualTo(0.05);
    }

    @Test
    void brake_cutsOnGeometricGrowth_recoversInCalmSteps() {
        GradNormBrake brake = new GradNormBrake(3, 1.5, 0.25, 4, 2, 0.01);
        // norms 1 at steps 0–4, then ×2 per step at 5, 6, 7 (three growth steps: trigger at 7), then flat
        LongFunction<Observation> norms = t -> Observation.gradNorm(t < 5 ? 1 : t <= 7 ? Math.pow(2, t - 4) : 8);
        Run r = run(new Controlled<>(Schedule.constant(0.2), 0, brake), norms, 20, -1);
        assertThat(r.decisions()).hasSize(3);
        Decision cut = r.decisions().get(0);
        assertThat(cut.step()).isEqualTo(7);
        assertThat(cut.oldRate()).isEqualTo(0.2);
        assertThat(cut.newRate()).isCloseTo(0.05, within(1e-15));
        assertThat(cut.reason()).startsWith("grad norm grew by >= x1.5 at each of the last 3 steps (1 -> 8)");
        // calm 4: recover ×2 at steps 11 and 15, then the scale is 1 again and nothing more happens
        assertThat(r.decisions().get(1).step()).isEqualTo(11);
        assertThat(r.decisions().get(1).newRate()).isCloseTo(0.1, within(1e-15));
        assertThat(r.decisions().get(2).step()).isEqualTo(15);
        assertThat(r.rates().get(19)).isCloseTo(0.2, within(1e-15));
    }

    @Test
    void brake_nonFiniteNorm_cutsAtOnceAndRespectsTheFloor() {
        GradNormBrake brake = new GradNormBrake(2, 2, 0.1, 100, 2, 0.05);
        Run r = run(new Controlled<>(Schedule.constant(1), 0, brake), t -> Observation.gradNorm(Double.NaN), 3, -1);
        // the third NaN finds the scale at its floor already: no change, so no decision
        assertThat(r.decisions()).extracting(Decision::newRate).containsExactly(0.1, 0.05);
        assertThat(r.rates()).containsExactly(1.0, 0.1, 0.05);
        assertThat(r.decisions().getFirst().reason()).isEqualTo("grad norm NaN is not finite: brake x0.1");
    }

    @Test
    void curvature_warmStartOnASubDominantEigenvector_stillFindsLambdaMax() {
        // first refresh: λmax = 4 along e2, so the kept vector is e2; then the top eigenvalue 10 appears along e1 while
        // e2 stays an eigenvector (λ = 4). Warm-started from e2 alone, power iteration would stop at once at 4.
        Hvp before = Hvp.diagonal(0.1, 4, 0.5), after = Hvp.diagonal(10, 4, 0.5);
        CurvatureRate c = new CurvatureRate(0.9, 2, new PowerIteration(500, 1e-12, 3));
        Run r = run(new Controlled<>(Schedule.constant(100), 0, c), t -> Observation.curvature(t < 2 ? before : after), 4, -1);
        assertThat(r.rates().get(1)).isCloseTo(2 * 0.9 / 4, within(1e-9));
        assertThat(r.rates().get(3)).isCloseTo(2 * 0.9 / 10, within(1e-9));
    }

    @Test
    void curvature_rateIsTwoSafetyOverLambdaMax_andFollowsAChange() {
        double[] s1 = {4, 1, 0.5, 0.2}, s2 = {10, 1, 0.5, 0.2};
        Hvp h1 = Hvp.matrix(Spectra.conjugated(s1, 1)), h2 = Hvp.matrix(Spectra.conjugated(s2, 1));
        CurvatureRate c = new CurvatureRate(0.9, 5, new PowerIteration(200, 1e-10, 3));
        Controlled<CurvatureRate.State> ctl = new Controlled<>(Schedule.constant(10), 0, c);
        Run r = run(ctl, t -> Observation.curvature(t < 12 ? h1 : h2), 20, -1);
        assertThat(r.rates().get(0)).isEqualTo(10); // no estimate yet: the base
        assertThat(r.rates().get(1)).isCloseTo(2 * 0.9 / 4, within(1e-8));
        // refreshes at observations 0, 5, 10, 15: the sharper Hessian is seen at 15
        assertThat(r.rates().get(15)).isCloseTo(2 * 0.9 / 4, within(1e-8));
        assertThat(r.rates().get(16)).isCloseTo(2 * 0.9 / 10, within(1e-8));
        assertThat(r.decisions()).extracting(Decision::step).containsExactly(0L, 15L);
        assertThat(r.decisions().getLast().reason()).startsWith("lambda_max estimate rho = 10.0000");
    }

    @Test
    void curvature_scheduleCapsTheRate() {
        CurvatureRate c = new CurvatureRate(0.5, 1, new PowerIteration(100, 1e-10, 3));
        Schedule warmup = Schedule.warmup(10, Schedule.constant(1));
        Run r = run(new Controlled<>(warmup, 0, c), t -> Observation.curvature(Hvp.diagonal(2, 1)), 20, -1);
        for (int t = 1; t < 20; t++) assertThat(r.rates().get(t)).isCloseTo(Math.min(warmup.at(t), 0.5), within(1e-9));
    }

    @Test
    void interruptAndResume_identicalRatesAndDecisions() {
        Controlled<Plateau.State> plateau = new Controlled<>(Schedule.warmup(3, Schedule.constant(0.1)), 3, PLATEAU);
        LongFunction<Observation> metrics = t -> Observation.metric(metric(t));
        assertThat(run(plateau, metrics, 40, 13)).isEqualTo(run(plateau, metrics, 40, -1));

        Controlled<GradNormBrake.State> brake = new Controlled<>(Schedule.constant(0.2), 0, new GradNormBrake(3, 1.5, 0.25, 4, 2, 0.01));
        LongFunction<Observation> norms = t -> Observation.gradNorm(Math.pow(2, t % 9));
        for (int at = 1; at < 30; at += 4) assertThat(run(brake, norms, 30, at)).isEqualTo(run(brake, norms, 30, -1));

        Controlled<CurvatureRate.State> curv = new Controlled<>(Schedule.constant(1), 0, new CurvatureRate(0.9, 4, new PowerIteration(3, 1e-10, 3)));
        Hvp h = Hvp.matrix(Spectra.conjugated(new double[] {5, 4.5, 1, 0.1, 0.1}, 2));
        Run straight = run(curv, t -> Observation.curvature(h), 30, -1);
        for (int at = 1; at < 30; at += 3) assertThat(run(curv, t -> Observation.curvature(h), 30, at)).isEqualTo(straight);
        assertThat(straight.decisions().size()).isGreaterThan(2); // budget 3 per refresh: the warm-started estimate keeps improving
    }

    @Test
    void save_restore_roundTripsInfinityAndVectors() {
        Controlled<Plateau.State> plateau = new Controlled<>(Schedule.constant(0.1), 0, PLATEAU);
        Controlled.State<Plateau.State> s = plateau.start();
        assertThat(s.controller().best()).isInfinite();
        assertThat(plateau.restore(plateau.save(s))).isEqualTo(s);
        assertThatThrownBy(() -> plateau.restore("{\"step\": \"x\"}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("state ({\"step\": \"x\"}) must be a saved Plateau state");
    }

    @Test
    void badInput_rejectedWithTheRule() {
        assertThatThrownBy(() -> new GradNormBrake(0, 2, 0.5, 3, 2, 0.1)).hasMessage("window (0) must be > 0");
        assertThatThrownBy(() -> new GradNormBrake(3, 1, 0.5, 3, 2, 0.1)).hasMessage("growth (1) must be > 1 and finite");
        assertThatThrownBy(() -> new GradNormBrake(3, 2, 1, 3, 2, 0.1)).hasMessage("cut (1) must be in (0, 1)");
        assertThatThrownBy(() -> new GradNormBrake(3, 2, 0.5, 3, Double.NaN, 0.1)).hasMessage("recover (NaN) must be > 1 and finite");
        assertThatThrownBy(() -> new GradNormBrake(3, 2, 0.5, 3, 2, 0)).hasMessage("minScale (0) must be in (0, 1]");
        assertThatThrownBy(() -> new CurvatureRate(1, 5, new PowerIteration(10, 1e-6, 1))).hasMessage("safety (1) must be in (0, 1)");
        assertThatThrownBy(() -> new CurvatureRate(0.5, 0, new PowerIteration(10, 1e-6, 1))).hasMessage("every (0) must be > 0");
        assertThatThrownBy(() -> new Controlled<>(Schedule.constant(1), -1, PLATEAU)).hasMessage("from (-1) must be >= 0");
        Controlled<CurvatureRate.State> c = new Controlled<>(Schedule.constant(1), 0, new CurvatureRate(0.5, 2, new PowerIteration(10, 1e-6, 1)));
        assertThatThrownBy(() -> c.observe(c.start(), Observation.gradNorm(1)))
                .hasMessage("observation.hvp (null) must be given at step 0: the λmax estimate is due");
    }
}
