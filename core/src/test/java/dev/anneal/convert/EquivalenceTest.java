package dev.anneal.convert;

import dev.anneal.spec.Spec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The check behind every conversion: which steps it compares, and what counts as equal. */
class EquivalenceTest {

    private static Check check(String source, String candidate) {
        var s = Spec.parse(source);
        var c = Spec.parse(candidate);
        return Equivalence.check(s, c, Span.of(s, c));
    }

    @Test
    void check_longSpan_findsAMilestoneOneStepOff() {
        Check c = check("multistep(1, at=[500000], gamma=0.5)", "multistep(1, at=[500001], gamma=0.5)");
        assertThat(c.steps()).doesNotStartWith("every step");
        assertThat(c.difference()).hasValueSatisfying(d -> assertThat(d.step()).isEqualTo(500_000));
    }

    @Test
    void span_short_isEveryStepTo10000() {
        Span s = Span.of(Spec.parse("cosine(1, steps=100)"));
        assertThat(s.exhaustive()).isTrue();
        assertThat(s.horizon()).isEqualTo(10_000);
        assertThat(s.steps()).hasSize(10_001).startsWith(0, 1, 2).endsWith(10_000);
    }

    @Test
    void span_long_isTwiceTheLastBreakpoint_sampledAndDenseAroundBreakpoints() {
        Span s = Span.of(Spec.parse("cosine(1, steps=1000000)"));
        assertThat(s.exhaustive()).isFalse();
        assertThat(s.horizon()).isEqualTo(2_000_000);
        assertThat(s.steps()).contains(0, 20, 999_936, 999_999, 1_000_000, 1_000_001, 1_000_064, 2_000_000).doesNotContain(999_935, 1_000_065);
    }

    @Test
    void span_periodic_coversTwoPeriods() {
        assertThat(Span.of(Spec.parse("cyclic(0, 1, up=30000)")).horizon()).isEqualTo(240_000);
    }

    @Test
    void agree_relativeTolerance_andSlackNearZero() {
        assertThat(Check.agree(1, 1 + 1e-13, 1)).isTrue();
        assertThat(Check.agree(1, 1 + 1e-11, 1)).isFalse();
        assertThat(Check.agree(0, 1e-17, 0.1)).as("within 1e-15 of the peak 0.1").isTrue();
        assertThat(Check.agree(0, 1e-15, 0.1)).isFalse();
        assertThat(Check.agree(Double.NaN, 0, 1)).isFalse();
    }
}
