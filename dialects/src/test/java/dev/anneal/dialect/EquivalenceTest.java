package dev.anneal.dialect;

import dev.anneal.convert.Check;
import dev.anneal.convert.Convert;
import dev.anneal.spec.Spec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The check behind every conversion, on torch schedules that climb back or raise past their end. */
class EquivalenceTest {

    private static Check check(String source, String candidate) {
        var s = Spec.parse(source);
        var c = Spec.parse(candidate);
        return Convert.compare(s, c);
    }

    @Test
    void check_pastTheEnd_seesCosineAnnealingLRClimbBack() {
        Check c = check("cosine(1, steps=100)", "torch.CosineAnnealingLR(lr=1.0, T_max=100)");
        assertThat(c.difference()).hasValueSatisfying(d -> {
            assertThat(d.step()).isEqualTo(101);
            assertThat(d.expected()).isZero();
            assertThat(d.actual()).isCloseTo((1 + Math.cos(Math.PI * 101 / 100)) / 2, org.assertj.core.data.Offset.offset(1e-15));
        });
    }

    @Test
    void check_candidateExtrapolatingAtTheEnd_differsThere() {
        // PyTorch's OneCycleLR extrapolates its last phase at step total_steps; the native onecycle holds its last value.
        Check c = check("onecycle(0.1, steps=100)", "torch.OneCycleLR(max_lr=0.1, total_steps=100)");
        assertThat(c.difference()).hasValueSatisfying(d -> assertThat(d.step()).isEqualTo(100));
    }

    @Test
    void check_sourceRaising_isNotCompared_andIsReported() {
        Check c = check("torch.OneCycleLR(max_lr=0.1, total_steps=100)", "onecycle(0.1, steps=100) then constant(5.074647154757325E-5)");
        assertThat(c.passed()).isTrue();
        assertThat(c.sourceRaisesAt()).hasValue(101);
    }

    @Test
    void check_candidateRaising_isADifference() {
        Check c = check("onecycle(0.1, steps=100) then constant(5.074647154757325E-5)", "torch.OneCycleLR(max_lr=0.1, total_steps=100)");
        assertThat(c.difference()).hasValueSatisfying(d -> {
            assertThat(d.step()).isEqualTo(101);
            assertThat(d.raised()).contains("step 101 is past total_steps (100)");
        });
    }
}
