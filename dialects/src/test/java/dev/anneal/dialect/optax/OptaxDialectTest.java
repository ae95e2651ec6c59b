package dev.anneal.dialect.optax;

import dev.anneal.dialect.ReferenceTables;
import dev.anneal.schedule.Constant;
import dev.anneal.schedule.Cosine;
import dev.anneal.schedule.Framework;
import dev.anneal.schedule.Linear;
import dev.anneal.schedule.MultiStep;
import dev.anneal.schedule.Schedule;
import dev.anneal.schedule.Step;
import dev.anneal.schedule.Then;
import dev.anneal.spec.Families;
import dev.anneal.spec.Spec;
import dev.anneal.spec.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class OptaxDialectTest {

    private static Framework parse(String spec) {
        return (Framework) Spec.parse(spec);
    }

    // ---- printing ----------------------------------------------------------------------------------------

    @Test
    void print_sortsDictKeys_andLeavesOutDefaults() {
        assertThat(Spec.print(Spec.parse("optax.piecewise_constant_schedule(1, {30: 0.5, 10: 2})")))
                .isEqualTo("optax.piecewise_constant_schedule(init_value=1.0, boundaries_and_scales={10: 2.0, 30: 0.5})");
        assertThat(Spec.parse("optax.piecewise_constant_schedule(init_value=1.0, boundaries_and_scales=None)"))
                .isEqualTo(Spec.parse("optax.piecewise_constant_schedule(init_value=1.0, boundaries_and_scales={})"));
        assertThat(Spec.print(Spec.parse("optax.exponential_decay(0.1, 10, 0.5, 0, False, None)")))
                .isEqualTo("optax.exponential_decay(init_value=0.1, transition_steps=10, decay_rate=0.5)");
    }

    @Test
    void print_sgdrWritesItsDictsAsPythonLiterals() {
        String spec = "optax.sgdr_schedule(cosine_kwargs=[{'init_value': 0.0, 'peak_value': 1.0, 'warmup_steps': 5, 'decay_steps': 20}, "
                + "{'init_value': 0.0, 'peak_value': 0.5, 'warmup_steps': 5, 'decay_steps': 40, 'exponent': 2.0}])";
        assertThat(Spec.print(Spec.parse(spec))).isEqualTo(spec);
    }

    @Test
    void print_joinPrintsItsNestedCalls() {
        String spec = "optax.join_schedules(schedules=[optax.linear_schedule(init_value=0.0, end_value=0.01, transition_steps=10), "
                + "optax.cosine_decay_schedule(init_value=0.01, decay_steps=60)], boundaries=[10])";
        assertThat(Spec.print(Spec.parse(spec))).isEqualTo(spec);
    }

    // ---- native equivalents ------------------------------------------------------------------------------

    @Test
    void toNative_cosineDecayWithAlphaZeroAndExponentOne_isNativeCosine() {
        assertThat(parse("optax.cosine_decay_schedule(init_value=0.1, decay_steps=100, alpha=0, exponent=1)").toNative())
                .contains(new Cosine(0.1, 100, 0));
        assertThat(parse("optax.cosine_decay_schedule(init_value=0.1, decay_steps=100, exponent=2)").toNative()).isEmpty();
    }

    @Test
    void toNative_offeredForTheSchedulesThatHaveOne() {
        assertThat(parse("optax.constant_schedule(0.1)").toNative()).contains(new Constant(0.1));
        assertThat(parse("optax.linear_schedule(1, 0, 10, transition_begin=5)").toNative())
                .contains(new Then(new Linear(1, 1, 5), new Linear(1, 0, 10)));
        assertThat(parse("optax.exponential_decay(0.1, 10, 0.5, staircase=True)").toNative()).contains(new Step(0.1, 10, 0.5));
        assertThat(parse("optax.piecewise_constant_schedule(0.1, {100: 0.1, 200: 0.1})").toNative())
                .contains(new MultiStep(0.1, List.of(100L, 200L), 0.1));
        assertThat(parse("optax.warmup_cosine_decay_schedule(0.0, 1.0, 10, 100)").toNative())
                .contains(new Then(new Linear(0, 1, 10), new Cosine(1, 90, 0)));
        // 0.5^(t/10) is a half-life of 10 steps: 0.025 at step 20
        assertThat(parse("optax.exponential_decay(0.1, 10, 0.5)").toNative().orElseThrow().at(20)).isCloseTo(0.025, within(1e-17));
        assertThat(parse("optax.exponential_decay(0.1, 10, 1.5)").toNative()).isEmpty();
    }

    // ---- quirks ------------------------------------------------------------------------------------------

    @Test
    void join_childSeesTheStepRelativeToItsBoundary() {
        Schedule s = Spec.parse("optax.join_schedules(schedules=[optax.constant_schedule(1), "
                + "optax.linear_schedule(init_value=0.0, end_value=10.0, transition_steps=10)], boundaries=[5])");
        assertThat(s.at(4)).isEqualTo(1);
        assertThat(s.at(5)).isEqualTo(0);
        assertThat(s.at(8)).isEqualTo(3);
        assertThat(s.duration()).hasValue(15);
    }

    @Test
    void warmupCosine_decayStepsCountTheWarmup() {
        Schedule s = Spec.parse("optax.warmup_cosine_decay_schedule(init_value=0.0, peak_value=1.0, warmup_steps=10, decay_steps=20, end_value=0.1)");
        assertThat(s.at(10)).isEqualTo(1.0);
        assertThat(s.at(20)).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(s.duration()).hasValue(20);
    }

    @Test
    void exponentialDecay_endValueAboveInit_liftsEveryValue() {
        assertThat(Spec.parse("optax.exponential_decay(init_value=0.1, transition_steps=10, decay_rate=0.5, end_value=0.3)").at(0))
                .isEqualTo(0.3);
    }


    // ---- validation --------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            optax.cosine_decay_schedule(init_value=0.1, decay_steps=0) | decay_steps (0) must be > 0, as optax's cosine_decay_schedule requires | decay_steps=
            optax.warmup_cosine_decay_schedule(init_value=0.0, peak_value=1.0, warmup_steps=10, decay_steps=10) | decay_steps (10) must be > warmup_steps (10): it counts the warmup, and optax's cosine part needs decay_steps − warmup_steps > 0 | decay_steps=
            optax.linear_schedule(init_value=0.0, end_value=1.0, transition_steps=-5) | transition_steps (-5) must be >= 0 (0 holds init_value, as in optax) | transition_steps=
            optax.linear_schedule(init_value=0.0, end_value=1.0, transition_steps=5, transition_begin=-1) | transition_begin (-1) must be >= 0 | transition_begin=
            optax.exponential_decay(init_value=0.1, transition_steps=10, decay_rate=-0.5) | decay_rate (-0.5) must be >= 0 and finite | decay_rate=
            optax.piecewise_constant_schedule(init_value=0.1, boundaries_and_scales={10: -0.5}) | boundaries_and_scales[10] (-0.5) must be >= 0: optax's piecewise_constant_schedule expects non-negative scale factors | boundaries_and_scales=
            optax.piecewise_constant_schedule(init_value=0.1, boundaries_and_scales={10: 0.5, 10: 0.1}) | boundaries_and_scales has the step 10 twice | 10: 0.1
            optax.piecewise_constant_schedule(init_value=0.1, boundaries_and_scales=[10]) | boundaries_and_scales expects a dict such as {100: 0.1, 200: 0.1}, found a list | [10]
            optax.piecewise_interpolate_schedule(interpolate_type='cos', init_value=0.1) | interpolate_type (cos) must be one of linear, cosine | 'cos'
            optax.linear_onecycle_schedule(transition_steps=0, peak_value=0.1) | transition_steps (0) must be > 0, as optax's linear onecycle requires | transition_steps=
            optax.cosine_onecycle_schedule(transition_steps=10, peak_value=0.1, div_factor=0) | div_factor (0) must be > 0 and finite | div_factor=
            optax.join_schedules(schedules=[optax.constant_schedule(0.1), optax.constant_schedule(0.2)], boundaries=[10, 20]) | boundaries has 2 steps for 2 schedules; join_schedules needs one boundary between each pair (optax would drop the extra silently) | [10, 20]
            optax.join_schedules(schedules=[optax.constant_schedule(0.1), cosine(0.1, steps=10)], boundaries=[10]) | schedules holds optax schedules, written as calls such as optax.constant_schedule(value=0.1), found the schedule cosine(…) | cosine(
            optax.join_schedules(schedules=[], boundaries=[]) | schedules ([]) must hold at least one schedule | []
            optax.sgdr_schedule(cosine_kwargs=[{'init_value': 0.0, 'peak_value': 1.0, 'warmup_steps': 5, 'decay_steps': 5}]) | decay_steps (5) must be > warmup_steps (5): it counts the warmup, and optax's cosine part needs decay_steps − warmup_steps > 0 | 'decay_steps'
            optax.sgdr_schedule(cosine_kwargs=[{'init_value': 0.0, 'peak_value': 1.0, 'warmup_steps': 5}]) | optax.warmup_cosine_decay_schedule is missing decay_steps: optax.warmup_cosine_decay_schedule(init_value, peak_value, warmup_steps, decay_steps, end_value=0, exponent=1) | {
            optax.sgdr_schedule(cosine_kwargs=[{init_value: 0.0}]) | cosine_kwargs keys are argument names in quotes, such as 'decay_steps', found the word init_value | init_value
            optax.sgdr_schedule(cosine_kwargs={'init_value': 0.0}) | cosine_kwargs expects a list of dicts such as [{'init_value': 0.0, 'peak_value': 1.0, 'warmup_steps': 5, 'decay_steps': 20}], found a dict | {
            """)
    void validation_namesTheArgumentTheValueAndTheRule(String spec, String message, String at) {
        ReferenceTables.assertRejected(spec, message, at);
    }

    @Test
    void sgdr_unknownKey_listsTheArgumentsOfWarmupCosineDecay() {
        assertThatThrownBy(() -> Spec.parse("optax.sgdr_schedule(cosine_kwargs=[{'init_value': 0.0, 'peak_value': 1.0, "
                + "'warmup_steps': 5, 'decay_steps': 20, 'alpha': 0.1}])"))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("optax.warmup_cosine_decay_schedule has no parameter 'alpha'")
                .hasMessageContaining("init_value, peak_value, warmup_steps, decay_steps, end_value=0, exponent=1");
    }

    @Test
    void unknownArgument_listsTheAcceptedNames() {
        assertThatThrownBy(() -> Spec.parse("optax.cosine_decay_schedule(init_value=0.1, decay_steps=10, end_value=0.0)"))
                .hasMessageContaining("optax.cosine_decay_schedule has no parameter 'end_value'")
                .hasMessageContaining("its parameters: optax.cosine_decay_schedule(init_value, decay_steps, alpha=0, exponent=1)");
        assertThatThrownBy(() -> Spec.parse("optax.linear_schedule(init_value=0.1, end_value=0.0, transition_step=10)"))
                .hasMessageContaining("did you mean 'transition_steps'?");
    }

    @Test
    void unknownName_suggestsTheClosestOptaxNameOrListsThem() {
        assertThatThrownBy(() -> Spec.parse("optax.cosine_decay_schedul(init_value=0.1, decay_steps=10)"))
                .hasMessageContaining("did you mean 'optax.cosine_decay_schedule'?");
        assertThatThrownBy(() -> Spec.parse("optax.cosine_decay(init_value=0.1, decay_steps=10)"))
                .hasMessageContaining("optax. names: optax.constant_schedule, optax.linear_schedule");
    }

    @Test
    void families_allNamed() {
        assertThat(Families.dialect("optax")).hasSize(14);
    }
}
