package dev.anneal.analysis;

import dev.anneal.optimizer.Dynamics;
import dev.anneal.optimizer.Method;
import dev.anneal.optimizer.Roots;
import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Spec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Unstable steps along a schedule, warmup advice from a curvature bound, and the evidence that the warmup is shortest. */
class StabilityTest {

    @ParameterizedTest(name = "cosine({0}, steps={1}) at λ={2}")
    @CsvSource({"0.5, 1000, 10", "0.1, 900, 30", "1, 100, 2.5"})
    void cosine_sgd_unstableStepsAreWhereCosCrossesTheLimit(double v, long steps, double lambda) {
        // v(1 + cos(πt/T))/2 · λ ≥ 2  ⇔  t ≤ T·acos(4/(vλ) − 1)/π
        long last = (long) Math.floor(steps * Math.acos(4 / (v * lambda) - 1) / Math.PI);
        Stability s = Stability.of(Schedule.cosine(v, steps), steps, Dynamics.sgd(), lambda, 1);
        assertThat(s.unstable()).containsExactly(new StepRun(0, last));
        assertThat(s.unstableSteps()).isEqualTo(last + 1);
        assertThat(s.maxH()).isCloseTo(v * lambda, within(1e-12));
    }

    @Test
    void boundary_etaLambdaEqualTwo_isUnstable() {
        assertThat(Stability.of(Schedule.constant(0.2), 10, Dynamics.sgd(), 10, 1).unstableSteps()).isEqualTo(10);
        assertThat(Stability.of(Schedule.constant(0.19999), 10, Dynamics.sgd(), 10, 1).unstableSteps()).isZero();
    }

    @Test
    void momentum_limitIsTwoOnePlusBeta() {
        Dynamics o = new Dynamics(Method.MOMENTUM, 0.9, 0);
        assertThat(Stability.of(Schedule.constant(0.379), 5, o, 10, 1).stable()).isTrue();
        assertThat(Stability.of(Schedule.constant(0.381), 5, o, 10, 1).stable()).isFalse();
        assertThat(Stability.of(Schedule.constant(0.379), 5, o, 10, 1).maxEffectiveRate()).isCloseTo(3.79, within(1e-12));
    }

    @Test
    void dampingAlong_matchesRootsAtFiveSteps() {
        Dynamics o = new Dynamics(Method.MOMENTUM, 0.9, 0);
        Schedule s = Schedule.cosine(0.01, 100);
        Stability st = Stability.of(s, 100, o, 10, 1);
        assertThat(st.dampingAlong()).extracting(Stability.Damping::step).containsExactly(0L, 25L, 50L, 75L, 99L);
        for (Stability.Damping d : st.dampingAlong()) {
            double h = s.at(d.step()) * 10, b = 1.9 - h, disc = b * b - 3.6;
            double expected;
            if (disc < 0) { // underdamped: |r| = √β, ζ = −ln√β / √(ln²√β + θ²), θ = acos(b/(2√β))
                double rho = Math.sqrt(0.9), theta = Math.acos(b / (2 * rho));
                expected = -Math.log(rho) / Math.hypot(Math.log(rho), theta);
            } else {        // overdamped (h < (1−√β)²): two real poles s = ln r, ζ = −(s₁+s₂)/(2√(s₁s₂))
                double s1 = Math.log((b + Math.sqrt(disc)) / 2), s2 = Math.log((b - Math.sqrt(disc)) / 2);
                expected = -(s1 + s2) / (2 * Math.sqrt(s1 * s2));
            }
            assertThat(d.zeta()).as("step %d", d.step()).isCloseTo(expected, within(1e-9 * expected));
        }
        assertThat(st.dampingAlong().getLast().zeta()).as("η → 0 at the end: overdamped").isGreaterThan(1);
    }

    @Test
    void sumModeFactor_multipliesTheRate() {
        Schedule s = Schedule.constant(0.06);
        assertThat(Stability.of(s, 5, Dynamics.sgd(), 10, 1).stable()).isTrue();
        assertThat(Stability.of(s, 5, Dynamics.sgd(), 10, 4).stable()).isFalse(); // 4·0.06·10 = 2.4
        assertThat(Stability.of(s, 5, Dynamics.sgd(), 10, 4).rateLimit()).isCloseTo(0.05, within(1e-15));
    }

    @Test
    void severalRuns_keptInOrder() {
        Schedule s = Spec.parse("cyclic(0, 1, up=10)");
        Stability st = Stability.of(s, 60, Dynamics.sgd(), 2.4, 1); // unstable where η ≥ 2/2.4 = 0.833: 9..11, 29..31, 49..51
        assertThat(st.unstable()).containsExactly(new StepRun(9, 11), new StepRun(29, 31), new StepRun(49, 51));
        assertThat(st.lastUnstable()).isEqualTo(51);
    }

    /**
     * The evidence the issue asks for: the warmup w from Λ leaves no unstable step; with w − 1 steps, step w − 1
     * (now the schedule's own, η(w−1)·Λ ≥ h*) is unstable again, and it is the last unstable step.
     */
    @ParameterizedTest(name = "{0}, Λ={1}, {2}")
    @CsvSource(delimiter = '|', value = {
            "cosine(0.5, steps=1000)                   | 10  | sgd      | 1000",
            "exponential(1, gamma=0.99)                | 5   | sgd      | 800",
            "warmup(50, cosine(0.1, steps=950))        | 60  | momentum | 1000",
            "onecycle(0.2, steps=500)                  | 25  | nesterov | 500",
            "step(0.4, every=100, gamma=0.5)           | 12  | sgd      | 600",
            "power_law(2, alpha=0.5)                   | 3   | momentum | 2000"})
    void warmup_fromLambda_isShortest(String spec, double lambda, String kind, long steps) {
        Schedule s = Spec.parse(spec);
        Dynamics o = kind.equals("sgd") ? Dynamics.sgd() : new Dynamics(Method.valueOf(kind.toUpperCase()), 0.9, 0);
        Stability before = Stability.of(s, steps, o, lambda, 1);
        assertThat(before.stable()).as("the example must start unstable").isFalse();
        WarmupAdvice advice = WarmupAdvice.of(s, steps, before);
        long w = advice.steps();
        assertThat(w).isPositive();
        assertThat(Stability.of(advice.fixed().orElseThrow(), steps, o, lambda, 1).stable()).isTrue();
        Schedule shorter = Spec.parse("linear(0, " + s.at(w - 1) + ", steps=" + (w - 1) + ") then shift(" + spec + ", " + (w - 1) + ")");
        Stability after = Stability.of(w - 1 == 0 ? s : shorter, steps, o, lambda, 1);
        assertThat(after.lastUnstable()).as("one step less: step w − 1 is unstable again").isEqualTo(w - 1);
        assertThat(advice.rateLimit()).isCloseTo(o.limit() / lambda, within(1e-15));
    }

    @Test
    void warmup_fixedSpec_printsAndParsesBack() {
        Schedule s = Schedule.cosine(0.5, 1000);
        WarmupAdvice advice = WarmupAdvice.of(s, 1000, Stability.of(s, 1000, Dynamics.sgd(), 10, 1));
        Schedule fixed = advice.fixed().orElseThrow();
        assertThat(Spec.parse(fixed.toString())).isEqualTo(fixed);
        for (long t = advice.steps(); t < 1000; t++) assertThat(fixed.at(t)).isEqualTo(s.at(t));
    }

    @Test
    void warmup_stableSchedule_noneNeeded_andStartBelowIsTwoOverLambda() {
        Schedule s = Schedule.cosine(0.1, 100);
        WarmupAdvice advice = WarmupAdvice.of(s, 100, Stability.of(s, 100, Dynamics.sgd(), 10, 1));
        assertThat(advice.steps()).isZero();
        assertThat(advice.rateLimit()).isEqualTo(0.2);
        assertThat(advice.initialRate()).isEqualTo(0.1);
    }

    @Test
    void warmup_unstableToTheEnd_noneHelps() {
        Schedule s = Schedule.constant(0.3);
        WarmupAdvice advice = WarmupAdvice.of(s, 100, Stability.of(s, 100, Dynamics.sgd(), 10, 1));
        assertThat(advice.steps()).isEqualTo(-1);
        assertThat(advice.fixed()).isEmpty();
    }

    @Test
    void verdictLine_namesRunsAndCount() {
        Stability s = Stability.of(Schedule.cosine(0.5, 1000), 1000, Dynamics.sgd(), 10, 1);
        assertThat(Verdict.of(s, 1000, List.of()).line()).isEqualTo("UNSAFE at steps 0–564 (565 of 1000 steps)");
    }
}
