package dev.anneal.analysis;

import dev.anneal.optimizer.Dynamics;
import dev.anneal.optimizer.Method;
import dev.anneal.optimizer.Roots;
import dev.anneal.schedule.Schedule;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties over random parameters: the power-law classes and the shortest-warmup evidence. */
class AnalysisPropertiesTest {

    /** t^−α: Σηₜ = ∞ iff α ≤ 1, Σηₜ² &lt; ∞ iff α &gt; 1/2 (p-series). */
    @Property(tries = 300)
    void powerLaw_robbinsMonroClass(@ForAll @Scale(4) @DoubleRange(min = 0, max = 3) double alpha) {
        RobbinsMonro rm = RobbinsMonro.of(Schedule.powerLaw(0.1, alpha), 10);
        assertThat(rm.sum().kind()).isEqualTo(alpha <= 1 ? Tail.Kind.INFINITE : Tail.Kind.FINITE);
        assertThat(rm.squares().kind()).isEqualTo(alpha > 0.5 ? Tail.Kind.FINITE : Tail.Kind.INFINITE);
        assertThat(rm.satisfied()).isEqualTo(alpha > 0.5 && alpha <= 1);
    }

    /** For any unstable cosine, the advised warmup is stable and one step less is unstable at step w − 1. */
    @Property(tries = 100)
    void cosine_advisedWarmupIsShortest(@ForAll @Scale(4) @DoubleRange(min = 0.21, max = 5) double peak,
                                        @ForAll @LongRange(min = 20, max = 3000) long steps) {
        Schedule s = Schedule.cosine(peak, steps);
        Stability before = Stability.of(s, steps, Dynamics.sgd(), 10, 1);
        WarmupAdvice advice = WarmupAdvice.of(s, steps, before);
        long w = advice.steps();
        assertThat(w).isPositive();
        assertThat(Stability.of(advice.fixed().orElseThrow(), steps, Dynamics.sgd(), 10, 1).stable()).isTrue();
        Schedule shorter = w == 1 ? s : Schedule.linear(0, s.at(w - 1), w - 1).then(s.shift(w - 1));
        assertThat(Stability.of(shorter, steps, Dynamics.sgd(), 10, 1).lastUnstable()).isEqualTo(w - 1);
    }
}
