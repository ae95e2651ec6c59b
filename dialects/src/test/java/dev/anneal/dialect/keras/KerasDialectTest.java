package dev.anneal.dialect.keras;

import dev.anneal.dialect.ReferenceTables;
import dev.anneal.schedule.Cosine;
import dev.anneal.schedule.Framework;
import dev.anneal.schedule.InverseTime;
import dev.anneal.schedule.Linear;
import dev.anneal.schedule.MultiStep;
import dev.anneal.schedule.Polynomial;
import dev.anneal.schedule.Schedule;
import dev.anneal.schedule.Sgdr;
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

class KerasDialectTest {

    private static Framework parse(String spec) {
        return (Framework) Spec.parse(spec);
    }

    // ---- printing ----------------------------------------------------------------------------------------

    @Test
    void print_positionalArgumentsFollowTheConstructor_andDefaultsAreLeftOut() {
        assertThat(Spec.print(Spec.parse("keras.CosineDecay(0.1, 100, 0.0, 'cosine', None, 0)")))
                .isEqualTo("keras.CosineDecay(initial_learning_rate=0.1, decay_steps=100)");
        assertThat(Spec.print(Spec.parse("keras.PolynomialDecay(0.1, 1000, 0.01, 0.5, True)")))
                .isEqualTo("keras.PolynomialDecay(initial_learning_rate=0.1, decay_steps=1000, end_learning_rate=0.01, power=0.5, cycle=True)");
    }

    @Test
    void name_isAcceptedAndIgnored() {
        assertThat(Spec.parse("keras.ExponentialDecay(initial_learning_rate=0.1, decay_steps=10, decay_rate=0.5, name='lr')"))
                .isEqualTo(Spec.parse("keras.ExponentialDecay(initial_learning_rate=0.1, decay_steps=10, decay_rate=0.5)"));
        assertThatThrownBy(() -> Spec.parse("keras.ExponentialDecay(initial_learning_rate=0.1, decay_steps=10, decay_rate=0.5, name=3)"))
                .hasMessageContaining("name expects a string such as 'decay', found the number 3");
    }

    // ---- native equivalents ------------------------------------------------------------------------------

    @Test
    void toNative_offeredForTheSchedulesThatHaveOne() {
        assertThat(parse("keras.CosineDecay(initial_learning_rate=0.1, decay_steps=100, alpha=0.0)").toNative())
                .contains(new Cosine(0.1, 100, 0));
        assertThat(parse("keras.CosineDecay(initial_learning_rate=0.0, decay_steps=40, warmup_target=0.1, warmup_steps=10)").toNative())
                .contains(new Then(new Linear(0, 0.1, 10), new Cosine(0.1, 40, 0)));
        assertThat(parse("keras.ExponentialDecay(0.1, 10, 0.5, staircase=True)").toNative()).contains(new Step(0.1, 10, 0.5));
        assertThat(parse("keras.InverseTimeDecay(0.1, 10, 0.5)").toNative()).contains(new InverseTime(0.1, 0.05, 1));
        assertThat(parse("keras.PolynomialDecay(0.1, 100, 0.01, 2.0)").toNative()).contains(new Polynomial(0.1, 0.01, 100, 2));
        assertThat(parse("keras.CosineDecayRestarts(0.1, 10, t_mul=1.0)").toNative()).contains(new Sgdr(0.1, 10, 1, 0));
        assertThat(parse("keras.PiecewiseConstantDecay(boundaries=[10, 20], values=[1.0, 0.5, 0.25])").toNative())
                .contains(new MultiStep(1, List.of(11L, 21L), 0.5));
        assertThat(parse("keras.CosineDecayRestarts(0.1, 10)").toNative()).contains(new Sgdr(0.1, 10, 2, 0));
        assertThat(parse("keras.CosineDecayRestarts(0.1, 10, t_mul=1.5)").toNative()).isEmpty();
        // Keras's logarithms end the cycle before step 1210 one step late; sgdr restarts there
        assertThat(parse("keras.CosineDecayRestarts(0.1, 10, t_mul=3.0)").toNative()).isEmpty();
        assertThat(parse("keras.CosineDecayRestarts(0.1, 10, t_mul=3.0)").at(1210)).isZero();
        assertThat(parse("keras.PolynomialDecay(0.1, 100, cycle=True)").toNative()).isEmpty();
    }

    // ---- quirks ------------------------------------------------------------------------------------------

    @Test
    void piecewiseConstant_theBoundaryStepKeepsTheEarlierValue() {
        Schedule s = Spec.parse("keras.PiecewiseConstantDecay(boundaries=[10], values=[1.0, 0.5])");
        assertThat(s.at(10)).isEqualTo(1.0);
        assertThat(s.at(11)).isEqualTo(0.5);
    }

    @Test
    void cosineDecayRestarts_alphaIsNotScaledByMMul() {
        Schedule s = Spec.parse("keras.CosineDecayRestarts(initial_learning_rate=1.0, first_decay_steps=10, t_mul=1.0, m_mul=0.5, alpha=0.1)");
        assertThat(s.at(10)).isCloseTo(0.1 + 0.9 * 0.5, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(s.at(20)).isCloseTo(0.1 + 0.9 * 0.25, org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void cosineDecay_warmupStepsWithoutWarmupTarget_doNothing() {
        assertThat(Spec.parse("keras.CosineDecay(initial_learning_rate=0.1, decay_steps=20, warmup_steps=10)").at(0)).isEqualTo(0.1);
    }


    // ---- validation --------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            keras.ExponentialDecay(initial_learning_rate=0.1, decay_steps=0, decay_rate=0.5) | decay_steps (0) must be > 0, as Keras requires | decay_steps=
            keras.ExponentialDecay(initial_learning_rate=0.1, decay_steps=10, decay_rate=-0.5) | decay_rate (-0.5) must be >= 0 and finite | decay_rate=
            keras.InverseTimeDecay(initial_learning_rate=0.1, decay_steps=10, decay_rate=-1) | decay_rate (-1) must be >= 0 and finite | decay_rate=
            keras.PolynomialDecay(initial_learning_rate=0.1, decay_steps=10, power=-1) | power (-1) must be >= 0 and finite | power=
            keras.PiecewiseConstantDecay(boundaries=[10, 20], values=[1.0, 0.5]) | boundaries (2 given) must have one element fewer than values (2 given), as Keras requires | boundaries=
            keras.PiecewiseConstantDecay(boundaries=[], values=[1.0]) | boundaries ([]) must not be empty: Keras fails on its first call (IndexError) | boundaries=
            keras.PiecewiseConstantDecay(boundaries=[20, 10], values=[1.0, 0.5, 0.1]) | boundaries ([20, 10]) must be strictly increasing, as Keras documents | boundaries=
            keras.PiecewiseConstantDecay(boundaries=[10], values=0.1) | values expects a list of numbers such as [0.1, 0.01], found the number 0.1 | 0.1)
            keras.CosineDecay(initial_learning_rate=0.1, decay_steps=10, warmup_target=0.2, warmup_steps=-1) | warmup_steps (-1) must be >= 0 | warmup_steps=
            keras.CosineDecayRestarts(initial_learning_rate=0.1, first_decay_steps=0) | first_decay_steps (0) must be > 0, as Keras requires | first_decay_steps=
            keras.CosineDecayRestarts(initial_learning_rate=0.1, first_decay_steps=10, t_mul=0.5) | t_mul (0.5) must be >= 1 and finite (below 1 Keras returns NaN once the shrinking cycles add up) | t_mul=
            keras.CosineDecayRestarts(initial_learning_rate=0.1, first_decay_steps=10, m_mul=-1) | m_mul (-1) must be >= 0 and finite | m_mul=
            """)
    void validation_namesTheArgumentTheValueAndTheRule(String spec, String message, String at) {
        ReferenceTables.assertRejected(spec, message, at);
    }

    @Test
    void unknownArgument_listsTheAcceptedNames() {
        assertThatThrownBy(() -> Spec.parse("keras.CosineDecay(initial_learning_rate=0.1, decay_steps=10, min_lr=0.0)"))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("keras.CosineDecay has no parameter 'min_lr'")
                .hasMessageContaining("its parameters: keras.CosineDecay(initial_learning_rate, decay_steps, alpha=0, name=CosineDecay, [warmup_target], warmup_steps=0)");
        assertThatThrownBy(() -> Spec.parse("keras.ExponentialDecay(initial_learning_rate=0.1, decay_step=10, decay_rate=0.5)"))
                .hasMessageContaining("did you mean 'decay_steps'?");
    }

    @Test
    void unknownName_suggestsTheClosestKerasName() {
        assertThatThrownBy(() -> Spec.parse("keras.CosineDecayRestart(0.1, 10)")).hasMessageContaining("did you mean 'keras.CosineDecayRestarts'?");
    }

    @Test
    void families_allNamed() {
        assertThat(Families.dialect("keras")).hasSize(6);
    }
}
