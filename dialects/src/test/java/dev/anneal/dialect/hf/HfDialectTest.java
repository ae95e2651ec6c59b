package dev.anneal.dialect.hf;

import dev.anneal.dialect.ReferenceTables;
import dev.anneal.schedule.Constant;
import dev.anneal.schedule.Cosine;
import dev.anneal.schedule.Framework;
import dev.anneal.schedule.InverseTime;
import dev.anneal.schedule.Linear;
import dev.anneal.schedule.Polynomial;
import dev.anneal.schedule.Schedule;
import dev.anneal.schedule.Warmup;
import dev.anneal.schedule.Wsd;
import dev.anneal.spec.Families;
import dev.anneal.spec.Spec;
import dev.anneal.spec.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HfDialectTest {

    private static Framework parse(String spec) {
        return (Framework) Spec.parse(spec);
    }

    // ---- printing ----------------------------------------------------------------------------------------

    @Test
    void print_namesEveryArgumentAndLeavesOutDefaults() {
        assertThat(Spec.print(Spec.parse("hf.get_cosine_schedule_with_warmup(0.001, 10, 100, 0.5)")))
                .isEqualTo("hf.get_cosine_schedule_with_warmup(lr=0.001, num_warmup_steps=10, num_training_steps=100)");
        assertThat(Spec.print(Spec.parse("hf.get_polynomial_decay_schedule_with_warmup(lr=1, num_warmup_steps=0, num_training_steps=10, power=2)")))
                .isEqualTo("hf.get_polynomial_decay_schedule_with_warmup(lr=1.0, num_warmup_steps=0, num_training_steps=10, power=2.0)");
    }

    @Test
    void print_wsdFromTheTotal_printsTheResolvedStableSteps() {
        Schedule s = Spec.parse("hf.get_wsd_schedule(lr=0.1, num_warmup_steps=10, num_decay_steps=20, num_training_steps=100)");
        assertThat(Spec.print(s)).isEqualTo("hf.get_wsd_schedule(lr=0.1, num_warmup_steps=10, num_decay_steps=20, num_stable_steps=70)");
        assertThat(Spec.parse("hf.get_wsd_schedule(lr=0.1, num_warmup_steps=10, num_decay_steps=20, num_stable_steps=70)")).isEqualTo(s);
    }

    @Test
    void print_inverseSqrt_leavesOutTheDefaultTimescale() {
        assertThat(Spec.print(Spec.parse("hf.get_inverse_sqrt_schedule(lr=0.1, num_warmup_steps=100, timescale=100)")))
                .isEqualTo("hf.get_inverse_sqrt_schedule(lr=0.1, num_warmup_steps=100)");
        assertThat(Spec.parse("hf.get_inverse_sqrt_schedule(lr=0.1, num_warmup_steps=0, timescale=None)"))
                .isEqualTo(new InverseSqrtSchedule(0.1, 0, 10_000));
    }

    @Test
    void print_isPythonThatTransformersAccepts() {
        Framework s = parse("hf.get_wsd_schedule(lr=1e-3, num_warmup_steps=5, num_decay_steps=5, num_stable_steps=0, decay_type='1-sqrt', min_lr_ratio=0.1)");
        assertThat(s.spec()).isEqualTo("hf.get_wsd_schedule(lr=0.001, num_warmup_steps=5, num_decay_steps=5, num_stable_steps=0, "
                + "decay_type='1-sqrt', min_lr_ratio=0.1)");
    }

    // ---- native equivalents ------------------------------------------------------------------------------

    @Test
    void toNative_offeredForTheSchedulesThatHaveOne() {
        assertThat(parse("hf.get_constant_schedule(lr=0.1)").toNative()).contains(new Constant(0.1));
        assertThat(parse("hf.get_constant_schedule_with_warmup(lr=0.1, num_warmup_steps=10)").toNative())
                .contains(new Warmup(10, new Constant(0.1)));
        assertThat(parse("hf.get_linear_schedule_with_warmup(lr=0.1, num_warmup_steps=10, num_training_steps=100)").toNative())
                .contains(new Warmup(10, new Linear(0.1, 0, 90)));
        assertThat(parse("hf.get_cosine_with_hard_restarts_schedule_with_warmup(lr=0.1, num_warmup_steps=0, num_training_steps=100)").toNative())
                .contains(new Cosine(0.1, 100, 0));
        assertThat(parse("hf.get_polynomial_decay_schedule_with_warmup(lr=0.1, num_warmup_steps=0, num_training_steps=100, lr_end=0.01, power=2)").toNative())
                .contains(new Polynomial(0.1, 0.01, 100, 2));
        assertThat(parse("hf.get_inverse_sqrt_schedule(lr=0.1, num_warmup_steps=0, timescale=4)").toNative())
                .contains(new InverseTime(0.1, 0.25, 0.5));
        assertThat(parse("hf.get_wsd_schedule(lr=0.1, num_warmup_steps=10, num_decay_steps=20, num_stable_steps=70, decay_type='1-sqrt')").toNative())
                .contains(new Wsd(0.1, 10, 70, 20, 0, Wsd.Shape.SQRT));
    }

    @Test
    void toNative_absentWhereTheFrameworkDiffersSomewhere() {
        // The cosine goes on past num_training_steps: no native schedule rises again.
        assertThat(parse("hf.get_cosine_schedule_with_warmup(lr=0.1, num_warmup_steps=0, num_training_steps=100)").toNative()).isEmpty();
        assertThat(parse("hf.get_cosine_with_hard_restarts_schedule_with_warmup(lr=0.1, num_warmup_steps=0, num_training_steps=100, num_cycles=2)").toNative()).isEmpty();
        // The warmup starts at lr·min_lr_ratio, not 0.
        assertThat(parse("hf.get_wsd_schedule(lr=0.1, num_warmup_steps=10, num_decay_steps=20, num_stable_steps=70, min_lr_ratio=0.1)").toNative()).isEmpty();
        // 0^0 = 1 holds lr through step num_training_steps.
        assertThat(parse("hf.get_polynomial_decay_schedule_with_warmup(lr=0.1, num_warmup_steps=0, num_training_steps=10, power=0)").toNative()).isEmpty();
    }

    // ---- quirks ------------------------------------------------------------------------------------------

    @Test
    void cosine_pastNumTrainingSteps_risesAgain() {
        Schedule s = Spec.parse("hf.get_cosine_schedule_with_warmup(lr=1, num_warmup_steps=0, num_training_steps=100)");
        assertThat(s.at(100)).isZero();
        assertThat(s.at(150)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(s.at(200)).isEqualTo(1.0);
        assertThat(s.duration()).isEmpty();
    }

    @Test
    void inverseSqrt_withoutWarmup_defaultsTheTimescaleTo10000() {
        Schedule s = Spec.parse("hf.get_inverse_sqrt_schedule(lr=1, num_warmup_steps=0)");
        assertThat(s.at(30_000)).isEqualTo(0.5);
    }

    @Test
    void polynomial_valuesAreLrTimesTheRatio_notTheRatioAlone() {
        // transformers returns decay/lr and LambdaLR multiplies by lr: 0.1·(0.07/0.1) is not 0.07 in doubles.
        Schedule s = Spec.parse("hf.get_polynomial_decay_schedule_with_warmup(lr=0.1, num_warmup_steps=0, num_training_steps=10, lr_end=0.07)");
        assertThat(s.at(11)).isEqualTo(0.1 * (0.07 / 0.1));
    }


    @Test
    void then_followsAScheduleThatEnds() {
        Schedule s = Spec.parse("hf.get_linear_schedule_with_warmup(lr=0.1, num_warmup_steps=10, num_training_steps=100) then constant(0.5)");
        assertThat(s.at(99)).isCloseTo(0.1 / 90, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(s.at(100)).isEqualTo(0.5);
    }

    @Test
    void stepCounts_mayBePercentagesOfTheTotal() {
        assertThat(Spec.parse("hf.get_cosine_schedule_with_warmup(lr=0.1, num_warmup_steps=5%, num_training_steps=100%)", 2000))
                .isEqualTo(new CosineWithWarmup(0.1, 100, 2000, 0.5));
    }

    // ---- validation --------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            hf.get_polynomial_decay_schedule_with_warmup(lr=0.001, num_warmup_steps=0, num_training_steps=10, lr_end=0.01) | lr_end (0.01) must be smaller than lr (0.001), as transformers requires | lr_end=
            hf.get_polynomial_decay_schedule_with_warmup(lr=0.1, num_warmup_steps=10, num_training_steps=10) | num_training_steps (10) must differ from num_warmup_steps (10): transformers divides by their difference (ZeroDivisionError at step 10) | num_training_steps=
            hf.get_polynomial_decay_schedule_with_warmup(lr=0.1, num_warmup_steps=0, num_training_steps=10, power=-1) | power (-1) must be >= 0 and finite | power=
            hf.get_inverse_sqrt_schedule(lr=0.1, num_warmup_steps=10, timescale=0) | timescale (0) must be > 0 | timescale=
            hf.get_linear_schedule_with_warmup(lr=0.1, num_warmup_steps=-1, num_training_steps=10) | num_warmup_steps (-1) must be >= 0 | num_warmup_steps=
            hf.get_wsd_schedule(lr=0.1, num_warmup_steps=10, num_decay_steps=10) | hf.get_wsd_schedule needs num_training_steps or num_stable_steps, as transformers requires | hf.get_wsd_schedule
            hf.get_wsd_schedule(lr=0.1, num_warmup_steps=10, num_decay_steps=20, num_training_steps=25) | num_training_steps (25) must be >= num_warmup_steps + num_decay_steps (30) | num_training_steps=
            hf.get_wsd_schedule(lr=0.1, num_warmup_steps=10, num_decay_steps=20, num_training_steps=100, num_stable_steps=60) | num_stable_steps (60) disagrees with num_training_steps (100) − num_warmup_steps − num_decay_steps (70); transformers would warn and use num_stable_steps: give one of them | num_stable_steps=
            hf.get_wsd_schedule(lr=0.1, num_warmup_steps=10, num_decay_steps=20, num_stable_steps=5, decay_type='exp') | decay_type (exp) must be one of linear, cosine, 1-sqrt | 'exp'
            hf.get_cosine_with_min_lr_schedule_with_warmup(lr=0.1, num_warmup_steps=10, num_training_steps=100) | one of min_lr or min_lr_rate must be set, as transformers requires | hf.get_cosine_with_min_lr
            hf.get_cosine_with_min_lr_schedule_with_warmup(lr=0.1, num_warmup_steps=10, num_training_steps=100, min_lr=0.001, min_lr_rate=0.01) | min_lr and min_lr_rate are both set; transformers takes only one of them | min_lr=
            hf.get_cosine_with_min_lr_schedule_with_warmup(lr=0, num_warmup_steps=10, num_training_steps=100, min_lr=0.001) | lr (0) must not be 0 when min_lr is given: transformers divides min_lr by it | lr=
            """)
    void validation_namesTheArgumentTheValueAndTheRule(String spec, String message, String at) {
        ReferenceTables.assertRejected(spec, message, at);
    }

    @Test
    void unknownArgument_listsTheAcceptedNames() {
        assertThatThrownBy(() -> Spec.parse("hf.get_cosine_schedule_with_warmup(lr=0.1, num_warmup_steps=10, num_training_steps=100, last_epoch=-1)"))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("hf.get_cosine_schedule_with_warmup has no parameter 'last_epoch'")
                .hasMessageContaining("its parameters: hf.get_cosine_schedule_with_warmup(lr, num_warmup_steps, num_training_steps, num_cycles=0.5)");
        assertThatThrownBy(() -> Spec.parse("hf.get_linear_schedule_with_warmup(lr=0.1, warmup_steps=10, num_training_steps=100)"))
                .hasMessageContaining("did you mean 'num_warmup_steps'?");
    }

    @Test
    void missingArgument_listsTheSignature() {
        assertThatThrownBy(() -> Spec.parse("hf.get_cosine_schedule_with_warmup(lr=0.1, num_warmup_steps=10)"))
                .hasMessageContaining("hf.get_cosine_schedule_with_warmup is missing num_training_steps");
        assertThatThrownBy(() -> Spec.parse("hf.get_constant_schedule()")).hasMessageContaining("is missing lr");
    }

    @Test
    void unknownName_suggestsTheClosestHfName() {
        assertThatThrownBy(() -> Spec.parse("hf.get_cosine_schedule_with_warmups(lr=0.1, num_warmup_steps=1, num_training_steps=2)"))
                .hasMessageContaining("did you mean 'hf.get_cosine_schedule_with_warmup'?");
    }

    @Test
    void wrongKind_isReportedAtTheArgument() {
        assertThatThrownBy(() -> Spec.parse("hf.get_constant_schedule_with_warmup(lr=0.1, num_warmup_steps=2.5)"))
                .hasMessageContaining("num_warmup_steps (2.5) must be a whole number of steps");
        assertThatThrownBy(() -> Spec.parse("hf.get_constant_schedule(lr='big')"))
                .hasMessageContaining("lr expects a number, found the string 'big'");
    }

    @Test
    void families_allNamed() {
        assertThat(Families.dialect("hf")).hasSize(10);
        assertThat(Families.dialect("hf")).allSatisfy(f -> assertThat(f.params().getFirst().name()).isEqualTo("lr"));
    }
}
