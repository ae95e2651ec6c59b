package dev.anneal.spec;

import dev.anneal.schedule.Constant;
import dev.anneal.schedule.Cosine;
import dev.anneal.schedule.Cyclic;
import dev.anneal.schedule.Linear;
import dev.anneal.schedule.OneCycle;
import dev.anneal.schedule.Product;
import dev.anneal.schedule.Scaled;
import dev.anneal.schedule.Sgdr;
import dev.anneal.schedule.Shift;
import dev.anneal.schedule.Step;
import dev.anneal.schedule.Schedule;
import dev.anneal.schedule.Then;
import dev.anneal.schedule.Warmup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SpecLanguageTest {

    @Test
    void namedArguments_mayBeGivenPositionally() {
        assertThat(Spec.parse("cosine(0.1, 100, 0.01)")).isEqualTo(Spec.parse("cosine(0.1, steps=100, floor=0.01)"))
                .isEqualTo(new Cosine(0.1, 100, 0.01));
        assertThat(Spec.parse("cyclic(0, 1, 10, 20, triangular2, 1)"))
                .isEqualTo(new Cyclic(0, 1, 10, 20, Cyclic.Mode.TRIANGULAR2, 1));
    }

    @Test
    void namedArguments_inAnyOrder() {
        assertThat(Spec.parse("cosine(floor=0.01, steps=100, value=0.1)")).isEqualTo(new Cosine(0.1, 100, 0.01));
    }

    @Test
    void whitespace_isFree() {
        assertThat(Spec.parse("  cosine ( 0.1 ,\n steps = 100 )\tthen constant(1) "))
                .isEqualTo(new Then(new Cosine(0.1, 100, 0), new Constant(1)));
    }

    @Test
    void then_isLeftAssociative() {
        Schedule s = Spec.parse("linear(0, 1, steps=1) then linear(1, 2, steps=1) then constant(3)");
        assertThat(s).isEqualTo(new Then(new Then(new Linear(0, 1, 1), new Linear(1, 2, 1)), new Constant(3)));
    }

    @Test
    void times_bindsTighterThanThen() {
        Schedule s = Spec.parse("2 * linear(0, 1, steps=4) then constant(1) * 3");
        assertThat(s).isEqualTo(new Then(new Scaled(2, new Linear(0, 1, 4)), new Scaled(3, new Constant(1))));
    }

    @Test
    void parentheses_group() {
        Schedule s = Spec.parse("2 * (linear(0, 1, steps=4) then constant(1))");
        assertThat(s).isEqualTo(new Scaled(2, new Then(new Linear(0, 1, 4), new Constant(1))));
    }

    @Test
    void constantOnEitherSide_scales() {
        assertThat(Spec.parse("cosine(1, steps=10) * 0.5")).isEqualTo(Spec.parse("0.5 * cosine(1, steps=10)"));
    }

    @Test
    void scheduleTimesSchedule_isAProduct() {
        assertThat(Spec.parse("constant(2) * constant(3)")).isEqualTo(new Product(new Constant(2), new Constant(3)));
    }

    @Test
    void numbers_acceptExponentsSignsAndSeparators() {
        assertThat(Spec.parse("constant(1e-3)")).isEqualTo(new Constant(0.001));
        assertThat(Spec.parse("constant(-.5)")).isEqualTo(new Constant(-0.5));
        assertThat(Spec.parse("cosine(1, steps=10_000)")).isEqualTo(new Cosine(1, 10_000, 0));
        assertThat(Spec.parse("cosine(1, steps=1e3)")).isEqualTo(new Cosine(1, 1000, 0));
    }

    /** 2^53 + 1 is the first whole number a double cannot hold: it would read as 2^53. */
    @Test
    void stepCounts_above2pow53_parsedExactly() {
        long big = 9_007_199_254_740_993L;
        assertThat(Spec.parse("step(1, 9007199254740993)")).isEqualTo(new Step(1, big, 0.1));
        assertThat(Spec.parse("linear(0, 1, steps=9_007_199_254_740_993)")).isEqualTo(new Linear(0, 1, big));
        assertThat(Spec.parse("cosine(1, steps=9.007199254740993e15)")).isEqualTo(new Cosine(1, big, 0));
        assertThat(Spec.parse("shift(constant(1), -9223372036854775807)")).isEqualTo(new Shift(new Constant(1), -Long.MAX_VALUE));
        assertThat(Spec.parse("sgdr(1, period=1, mult=9223372036854775807)")).isEqualTo(new Sgdr(1, 1, Long.MAX_VALUE, 0));
    }

    /** Half of 2^53 + 1 is 2^52 + 0.5, which rounds up; through a double the total would already have lost its 1. */
    @Test
    void percentages_ofTotalsAbove2pow53_exact() {
        assertThat(Spec.parse("cosine(1, steps=50%)", 9_007_199_254_740_993L)).isEqualTo(new Cosine(1, 4_503_599_627_370_497L, 0));
        assertThat(Spec.parse("cosine(1, steps=12.5%)", 1000)).isEqualTo(new Cosine(1, 125, 0));
        // Halves round up, as Math.round does: 0.5 to 1, −0.5 to 0, −0.505 to −1.
        assertThat(Spec.parse("cosine(1, steps=0.05%)", 1000)).isEqualTo(new Cosine(1, 1, 0));
        assertThat(Spec.parse("shift(constant(1), -0.05%)", 1000)).isEqualTo(new Shift(new Constant(1), 0));
        assertThat(Spec.parse("shift(constant(1), -0.05%)", 1010)).isEqualTo(new Shift(new Constant(1), -1));
    }

    @Test
    void flagsAndWords_acceptPythonSpellingsAndStrings() {
        OneCycle expected = new OneCycle(1, 100, 0.3, 25, 1e4, OneCycle.Anneal.LINEAR, true);
        assertThat(Spec.parse("onecycle(1, steps=100, anneal=linear, three_phase=true)")).isEqualTo(expected);
        assertThat(Spec.parse("onecycle(1, steps=100, anneal='linear', three_phase=True)")).isEqualTo(expected);
    }

    @Test
    void warmup_percentagesOfTotal() {
        Schedule s = Spec.parse("warmup(5%, cosine(0.1, steps=95%))", 10_000);
        assertThat(s).isEqualTo(new Warmup(500, new Cosine(0.1, 9500, 0)));
        assertThat(s.at(250)).isEqualTo(0.05);
        assertThat(s.at(500)).isEqualTo(0.1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            constant(0.1)                                            | constant(0.1)
            cosine(1.0, steps=100, floor=0)                          | cosine(1, steps=100)
            step(0.1, 30)                                            | step(0.1, every=30)
            step(0.1, 30, 0.5)                                       | step(0.1, every=30, gamma=0.5)
            multistep(1, at=[10,20])                                 | multistep(1, at=[10, 20])
            exponential(1, half_life=10)                             | exponential(1, half_life=10)
            cyclic(0, 1, up=5, down=5, mode=triangular, gamma=1)     | cyclic(0, 1, up=5)
            onecycle(1, steps=100, pct_start=0.25)                   | onecycle(1, steps=100, pct_start=0.25)
            wsd(1, 10, 80, 10, 0, cosine)                            | wsd(1, warmup=10, stable=80, decay=10, shape=cosine)
            linear(0,1,steps=1) then (linear(1,2,steps=1) then constant(3)) | linear(0, 1, steps=1) then linear(1, 2, steps=1) then constant(3)
            cosine(1, steps=10) * 0.5                                | 0.5 * cosine(1, steps=10)
            constant(2) * (constant(3) * constant(4))                | constant(2) * (constant(3) * constant(4))
            (linear(0, 1, steps=2) then constant(1)) * constant(2)   | (linear(0, 1, steps=2) then constant(1)) * constant(2)
            clamp(exponential(1, gamma=0.5), min=0.1)                | clamp(exponential(1, gamma=0.5), min=0.1)
            counter(phase(cyclic(0.85, 0.95, up=10), 0.5))           | counter(phase(cyclic(0.85, 0.95, up=10), 0.5))
            rescale(counter(cosine(0.1, steps=100)), 0.85, 0.95)     | rescale(counter(cosine(0.1, steps=100)), min=0.85, max=0.95)
            shift(sgdr(1, period=10, mult=2), -5)                    | shift(sgdr(1, period=10, mult=2), -5)
            constant(1e-4)                                           | constant(1.0E-4)
            """)
    void print_isCanonicalAndParsesBack(String spec, String printed) {
        Schedule s = Spec.parse(spec);
        assertThat(Spec.print(s)).isEqualTo(printed);
        assertThat(s.toString()).isEqualTo(printed);
        assertThat(Spec.parse(printed)).isEqualTo(s);
    }

    @Test
    void custom_printsItsName() {
        assertThat(Schedule.of("my_schedule", t -> 1.0 / (t + 1)).toString()).isEqualTo("my_schedule");
    }

    @Test
    void syntax_isAvailableWithoutBinding() {
        Node node = Spec.syntax("torch.StepLR(lr=0.1, step_size=30, milestones=[1, 2], opts={'a': 1}, flag=True)");
        assertThat(node).isInstanceOf(Node.Call.class);
        Node.Call call = (Node.Call) node;
        assertThat(call.name()).isEqualTo("torch.StepLR");
        assertThat(call.args()).extracting(Node.Arg::name).containsExactly("lr", "step_size", "milestones", "opts", "flag");
        assertThat(call.args().get(3).value()).isInstanceOf(Node.DictLit.class);
    }
}
