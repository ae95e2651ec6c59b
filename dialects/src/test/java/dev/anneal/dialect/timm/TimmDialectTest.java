package dev.anneal.dialect.timm;

import dev.anneal.convert.Conversion;
import dev.anneal.convert.Convert;
import dev.anneal.convert.Target;
import dev.anneal.schedule.Framework;
import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Families;
import dev.anneal.spec.Spec;
import dev.anneal.spec.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The timm. dialect against hand-computed values and its quirks; the reference tables (FormulaDialectsTest) check
 * every step of 25 cases against the float64 port of timm's formulas.
 */
class TimmDialectTest {

    private static final String ISSUE_EXAMPLE = "timm.CosineLRScheduler(lr=0.1, t_initial=100, lr_min=1e-05, cycle_mul=2.0,"
            + " cycle_decay=0.5, cycle_limit=3, warmup_t=5, warmup_lr_init=0.0001, warmup_prefix=True, k_decay=1.0)";

    @Test
    void cosine_issueExample_byHand() {
        Schedule s = Spec.parse(ISSUE_EXAMPLE);
        assertThat(s.at(0)).isEqualTo(0.0001);
        assertThat(s.at(1)).isCloseTo(0.0001 + (0.1 - 0.0001) / 5, within(1e-15));
        assertThat(s.at(5)).as("warmup ends: the cosine starts at lr").isEqualTo(0.1);
        assertThat(s.at(55)).as("half way through the first cycle").isCloseTo(1e-05 + 0.5 * (0.1 - 1e-05), within(1e-15));
        assertThat(s.at(105)).as("second cycle: 200 steps, peak halved").isCloseTo(0.05, within(1e-15));
        assertThat(s.at(205)).isCloseTo(1e-05 + 0.5 * (0.05 - 1e-05), within(1e-15));
        assertThat(s.at(305)).as("third cycle: 400 steps, peak quartered").isCloseTo(0.025, within(1e-15));
        assertThat(s.at(705)).as("after cycle_limit cycles: lr_min").isEqualTo(1e-05);
        assertThat(s.at(1_000_000)).isEqualTo(1e-05);
    }

    @Test
    void cosine_issueExample_convertsToNative_asWarmupThenThreeCosines() {
        Conversion c = Convert.convert(Spec.parse(ISSUE_EXAMPLE), Target.NATIVE);
        assertThat(c).isInstanceOf(Conversion.Converted.class);
        assertThat(c.message()).isEqualTo("linear(1.0E-4, 0.1, steps=5) then cosine(0.1, steps=100, floor=1.0E-5)"
                + " then cosine(0.05, steps=200, floor=1.0E-5) then cosine(0.025, steps=400, floor=1.0E-5)");
    }

    @Test
    void cosine_warmupWithoutPrefix_overlaysTheCosine_andJumps() {
        Schedule s = Spec.parse("timm.CosineLRScheduler(lr=1.0, t_initial=100, warmup_t=10)");
        assertThat(s.at(9)).isCloseTo(0.9, within(1e-15));
        assertThat(s.at(10)).as("the cosine read at 10, not at 0").isCloseTo(0.5 * (1 + Math.cos(Math.PI * 0.1)), within(1e-15));
    }

    @Test
    void cosine_cycleMulThree_floatingLogarithmKeepsRestartInThePreviousCycle() {
        // log(243)/log(3) is 4.999999999999999 in IEEE double: timm puts step 484, where cycle 5 should start, at the
        // end of cycle 4 (value lr_min), and the restart comes one step late.
        Schedule s = Spec.parse("timm.CosineLRScheduler(lr=1.0, t_initial=4, cycle_mul=3.0, cycle_limit=6)");
        assertThat(s.at(484)).isCloseTo(0.0, within(1e-12));
        assertThat(s.at(160)).as("log(81)/log(3) is exactly 4: the restart at 160 is on time").isEqualTo(1.0);
        assertThat(((Framework) s).toNative()).as("no native form puts a restart late").isEmpty();
    }

    @Test
    void tanh_warmupWithoutPrefix_rampsToTheTanhValueAtWarmupT() {
        Schedule s = Spec.parse("timm.TanhLRScheduler(lr=1.0, t_initial=100, warmup_t=10)");
        double target = 0.5 * (1 - Math.tanh(-7 * 0.9 + 3 * 0.1));
        assertThat(s.at(5)).isCloseTo(target / 2, within(1e-15));
        assertThat(s.at(10)).isCloseTo(target, within(1e-15));
    }

    @Test
    void step_warmupPrefixDefaultsToTrue_unlikeCosine() {
        Schedule s = Spec.parse("timm.StepLRScheduler(lr=0.1, decay_t=10, decay_rate=0.5, warmup_t=5)");
        assertThat(s.at(14)).as("10 steps after the warmup").isEqualTo(0.1);
        assertThat(s.at(15)).isEqualTo(0.05);
        assertThat(s.toString()).isEqualTo("timm.StepLRScheduler(lr=0.1, decay_t=10, decay_rate=0.5, warmup_t=5)");
    }

    @Test
    void multistep_unsorted_isSearchedAsBisectDoes_andHasNoNativeForm() {
        Schedule s = Spec.parse("timm.MultiStepLRScheduler(lr=1.0, decay_t=[30, 10], decay_rate=0.5)");
        assertThat(s.at(9)).as("bisect_right([30, 10], 9) is 0").isEqualTo(1.0);
        assertThat(s.at(10)).as("bisect_right([30, 10], 10) is 2: both drops at once").isEqualTo(0.25);
        assertThat(s.at(100)).isEqualTo(0.25);
        assertThat(Convert.convert(s, Target.NATIVE).message()).contains("decay_t [30, 10] is not sorted");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            timm.CosineLRScheduler(lr=0.1, t_initial=10, noise_range_t=5)           | noise_range_t is out of scope
            timm.StepLRScheduler(lr=0.1, decay_t=10, noise_pct=0.5)                 | noise_pct is out of scope
            timm.CosineLRScheduler(lr=0.1, t_initial=10, t_in_epochs=True)         | t_in_epochs (True) is out of scope
            timm.CosineLRScheduler(lr=0.1, t_initial=0)                             | t_initial (0) must be > 0
            timm.CosineLRScheduler(lr=0.1, t_initial=10, cycle_mul=0.0)             | cycle_mul (0) must be > 0
            timm.TanhLRScheduler(lr=0.1, t_initial=10, lb=3.0)                      | lb (3.0) must be < ub (3.0)
            timm.CosineLRScheduler(lr=0.1, t_initial=10, k_decay=0.0)               | k_decay (0) must be > 0
            """)
    void outOfScopeAndInvalid_areRejectedWithTheReason(String spec, String message) {
        assertThatThrownBy(() -> Spec.parse(spec)).isInstanceOf(SpecException.class).hasMessageContaining(message);
    }

    @Test
    void noNoise_andUpdateCounting_areAccepted_andPrintBackWithoutThem() {
        Schedule s = Spec.parse("timm.CosineLRScheduler(lr=0.1, t_initial=10, noise_range_t=None, t_in_epochs=False)");
        assertThat(s).isEqualTo(Spec.parse("timm.CosineLRScheduler(lr=0.1, t_initial=10)"));
        assertThat(s.toString()).isEqualTo("timm.CosineLRScheduler(lr=0.1, t_initial=10)");
    }

    @Test
    void cosine_shrinkingCycles_raiseWhereTimmRaises() {
        Schedule s = Spec.parse("timm.CosineLRScheduler(lr=1.0, t_initial=10, cycle_mul=0.5, cycle_limit=10)");
        assertThat(s.at(19)).isFinite();
        assertThatThrownBy(() -> s.at(20)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("math domain error");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            constant(0.1)                                      | timm.StepLRScheduler(lr=0.1, decay_t=1)
            step(0.1, every=30, gamma=0.5)                     | timm.StepLRScheduler(lr=0.1, decay_t=30, decay_rate=0.5)
            multistep(0.1, at=[30, 80])                        | timm.MultiStepLRScheduler(lr=0.1, decay_t=[30, 80], decay_rate=0.1)
            cosine(0.1, steps=100, floor=0.001)                | timm.CosineLRScheduler(lr=0.1, t_initial=100, lr_min=0.001)
            polynomial(0.1, steps=100, power=2)                | timm.PolyLRScheduler(lr=0.1, t_initial=100, power=2.0)
            warmup(10, cosine(0.1, steps=90))                  | timm.CosineLRScheduler(lr=0.1, t_initial=90, warmup_t=10, warmup_prefix=True)
            linear(0.01, 0.1, steps=5) then step(0.1, every=10) | timm.StepLRScheduler(lr=0.1, decay_t=10, decay_rate=0.1, warmup_t=5, warmup_lr_init=0.01)
            linear(0, 0.1, steps=20)                           | timm.StepLRScheduler(lr=0.1, decay_t=1, warmup_t=20)
            """)
    void native_convertsToTimm_andBack(String source, String expected) {
        Conversion there = Convert.convert(Spec.parse(source), Target.of("timm"));
        assertThat(there).as(there.message()).isInstanceOf(Conversion.Converted.class);
        assertThat(there.message()).isEqualTo(expected);
        assertThat(Convert.convert(Spec.parse(expected), Target.NATIVE)).isInstanceOf(Conversion.Converted.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            cyclic(0.001, 0.1, up=10)                          | timm has no cyclical schedule
            sgdr(0.1, period=10)                               | sgdr restarts forever
            cosine(0.1, steps=100, floor=-0.1)                 | lr_min (-0.1) must be >= 0
            cosine(0.1, steps=10) then cosine(0.1, steps=10)   | timm has no way to join schedules
            """)
    void native_withoutATimmForm_saysWhy(String source, String reason) {
        Conversion c = Convert.convert(Spec.parse(source), Target.of("timm"));
        assertThat(c).isInstanceOf(Conversion.Impossible.class);
        assertThat(c.message()).contains(reason);
    }

    @Test
    void tanh_hasNoNativeForm_andSaysWhy() {
        Conversion c = Convert.convert(Spec.parse("timm.TanhLRScheduler(lr=0.1, t_initial=10)"), Target.NATIVE);
        assertThat(c).isInstanceOf(Conversion.Impossible.class);
        assertThat(c.message()).contains("no native family follows a tanh curve");
    }

    @Test
    void dialect_isFoundByTheServiceLoader_withFiveFamilies() {
        assertThat(Families.dialects()).contains("timm");
        assertThat(Families.dialect("timm")).extracting(f -> f.name()).containsExactly("timm.CosineLRScheduler",
                "timm.TanhLRScheduler", "timm.PolyLRScheduler", "timm.StepLRScheduler", "timm.MultiStepLRScheduler");
    }
}
