package dev.anneal.spec;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every malformed spec is rejected with its exact reason, at the right column (0: no place in the text). */
class MalformedSpecTest {

    static Stream<Arguments> malformed() {
        return Stream.of(
                bad("", 0, "empty spec: expected a schedule such as cosine(0.1, steps=1000)"),
                bad("   ", 0, "empty spec: expected a schedule such as cosine(0.1, steps=1000)"),
                bad("cosine(0.1, steps=100", 22, "expected ',' or ')' in the arguments of cosine, found the end of the spec"),
                bad("cosine(0.1 steps=100)", 12, "expected ',' or ')' in the arguments of cosine, found 'steps'"),
                bad("cosine(0.1,, steps=100)", 12, "expected a schedule or a value, found ','"),
                bad("cosine(0.1, steps=)", 19, "expected a schedule or a value, found ')'"),
                bad("cosine(0.1, steps=100))", 23, "expected 'then', '*' or the end of the spec, found ')'"),
                bad("cosin(0.1, steps=100)", 1, "unknown schedule 'cosin' (did you mean 'cosine'?)"),
                bad("xyz(1)", 1, "unknown schedule 'xyz'; known: constant, linear, step, multistep, exponential, inverse_time, inverse_sqrt, power_law, polynomial, cosine, sgdr, cyclic, onecycle, wsd, warmup, shift, phase, counter, clamp, rescale"),
                bad("cosine(0.1)", 1, "cosine is missing steps: cosine(value, steps, floor=0)"),
                bad("cosine(0.1, stpes=100)", 13, "cosine has no parameter 'stpes' (did you mean 'steps'?); its parameters: cosine(value, steps, floor=0)"),
                bad("cosine(0.1, steps=100, steps=200)", 24, "steps is given twice"),
                bad("cosine(0.1, 100, 0, 4)", 21, "cosine takes at most 3 arguments: cosine(value, steps, floor=0)"),
                bad("cosine(steps=100, 0.1)", 19, "positional argument after named arguments"),
                bad("cosine(0.1, steps=10.5)", 19, "steps (10.5) must be a whole number of steps"),
                bad("cosine(0.1, steps=-5)", 13, "steps (-5) must be > 0"),
                bad("cosine(0.1, steps=0)", 13, "steps (0) must be > 0"),
                bad("cosine(0.1, steps=5%)", 19, "steps (5%) is a percentage of the total steps, but no total was given (use --total N)"),
                bad("cosine(0.1, steps=100, floor=5%)", 30, "floor (5%) takes a number, not a percentage of the total"),
                bad("cosine(nan, steps=100)", 8, "value expects a number, found the word nan"),
                bad("cosine(1e400, steps=100)", 8, "number 1e400 is too large for a double"),
                bad("cosine(0.1, steps=1e)", 19, "malformed number '1e'"),
                bad("cosine(0.1, steps=1.2.3)", 19, "malformed number '1.2.3'"),
                bad("cosine(0.1, steps=100) then", 28, "expected a schedule or a value, found the end of the spec"),
                bad("then cosine(0.1, steps=100)", 1, "expected a schedule before 'then'"),
                bad("exponential(0.1, gamma=0.9) then constant(1)", 29, "then: the first schedule (exponential(0.1, gamma=0.9)) never ends; only a schedule with a finite duration can be followed"),
                bad("exponential(0.1)", 1, "exponential needs exactly one of gamma and half_life"),
                bad("exponential(0.1, gamma=0.9, half_life=10)", 1, "exponential needs exactly one of gamma and half_life"),
                bad("exponential(0.1, gamma=-1)", 18, "gamma (-1) must be >= 0 and finite"),
                bad("step(0.1, every=0)", 11, "every (0) must be > 0"),
                bad("multistep(0.1, at=[30, 10])", 16, "at ([30, 10]) must be in non-decreasing order"),
                bad("multistep(0.1, at=30)", 19, "at expects a list of steps such as [30, 60], found the number 30"),
                bad("multistep(0.1, at=[])", 16, "at ([]) must name at least one milestone"),
                bad("cyclic(0.1, 0.01, up=10)", 13, "hi (0.01) must be >= lo (0.1)"),
                bad("cyclic(0.01, 0.1, up=10, mode=sine)", 31, "mode (sine) must be one of triangular, triangular2, exp_range"),
                bad("cyclic(0.01, 0.1, up=10, mode=exp_range, gamma=1.5)", 42, "gamma (1.5) must be in (0, 1]"),
                bad("onecycle(0.1, steps=1000, pct_start=1.3)", 27, "pct_start (1.3) must be in [0, 1]"),
                bad("onecycle(0.1, steps=1000, three_phase=maybe)", 39, "three_phase (maybe) must be true or false"),
                bad("onecycle(0.1, steps=2)", 1, "pct_start·steps (0.6) must be > 1: the rising phase needs at least one step"),
                bad("wsd(0.1, warmup=10, stable=10, decay=0)", 32, "decay (0) must be > 0"),
                bad("phase(cosine(0.1, steps=100), 0.5)", 1, "phase: the schedule (cosine(0.1, steps=100)) is not periodic"),
                bad("phase(cyclic(0, 1, up=10), 1.5)", 28, "fraction (1.5) must be in [0, 1)"),
                bad("counter(exponential(1, gamma=2))", 1, "counter: the schedule (exponential(1, gamma=2)) is unbounded (range [1.0, Infinity]); counter needs a periodic or bounded schedule"),
                bad("clamp(constant(1))", 1, "clamp needs min, max or both"),
                bad("clamp(constant(1), min=2, max=1)", 27, "max (1) must be >= min (2)"),
                bad("2 * 3", 3, "a product of numbers is not a schedule; write constant(6)"),
                bad("0.1", 1, "expected a schedule, found the number 0.1; write constant(0.1)"),
                bad("constant(1) * ", 15, "expected a schedule or a value, found the end of the spec"),
                bad("constant(1) $ 2", 13, "unexpected character '$'"),
                bad("sgdr(0.1, period=10, mult=1.5)", 27, "mult (1.5) must be a whole number"),
                bad("cosine(0.1, steps=1e-999)", 19, "number 1e-999 is too small for a double: it would read as 0"),
                bad("cosine(0.1, steps=1e-300)", 19, "steps (1e-300) must be a whole number of steps"),
                bad("cosine(0.1, steps=1e-999999)", 19, "number 1e-999999 has an exponent of more than 3 digits (the limit; a double's range ends near 1e308)"),
                bad("cosine(0.1, steps=9223372036854775808)", 19, "steps (9223372036854775808) must be at most 9223372036854775807 in magnitude"),
                bad("step(0.1, 1e300)", 11, "every (1e300) must be at most 9223372036854775807 in magnitude"),
                bad("warmup(10)", 1, "warmup is missing schedule: warmup(steps, schedule)"),
                bad("warmup(cosine(0.1, steps=10), 10)", 8, "steps expects a number of steps, found the schedule cosine(…)"),
                bad("polynomial(0.1, steps=10, power=0)", 27, "power (0) must be > 0 and finite"),
                bad("'cosine'", 1, "expected a schedule, found the string 'cosine'"),
                bad("[1,2]", 1, "expected a schedule, found a list"),
                bad("cosine(0.1, steps=100) constant(1)", 24, "expected 'then', '*' or the end of the spec, found 'constant'"),
                bad("shift(constant(1))", 1, "shift is missing by: shift(schedule, by)"),
                bad("linear(0, 1, steps=10%)", 20, "steps (10%) is a percentage of the total steps, but no total was given (use --total N)"),
                bad("inverse_time(0.1, k=-1)", 19, "k (-1) must be >= 0 and finite"),
                bad("power_law(0.1, alpha=-0.5)", 16, "alpha (-0.5) must be >= 0 and finite"),
                bad("cosine(0.1, steps='100')", 19, "steps expects a number of steps, found the string '100'"),
                bad("cyclic(0.01, 0.1, up=cosine(1, steps=2))", 22, "up expects a number of steps, found the schedule cosine(…)"),
                bad("cosine(0.1, steps=100) then (constant(1)", 41, "expected ')' to close the '(' at column 29, found the end of the spec")
        );
    }

    private static Arguments bad(String spec, int column, String reason) {
        return Arguments.of(spec, column, reason);
    }

    @ParameterizedTest(name = "[{index}] '{0}'")
    @MethodSource("malformed")
    void malformedSpec_rejectedWithReasonAndColumn(String spec, int column, String reason) {
        SpecException e = catchThrowableOfType(SpecException.class, () -> Spec.parse(spec));
        assertThat(e).as("spec %s must be rejected", spec).isNotNull();
        assertThat(e.reason()).as("reason for %s", spec).isEqualTo(reason);
        assertThat(e.column()).as("column for %s", spec).isEqualTo(column);
    }

    @Test
    void message_showsTextWithCaretUnderColumn() {
        SpecException e = catchThrowableOfType(SpecException.class, () -> Spec.parse("cosine(0.1, steps=-5)"));
        assertThat(e.getMessage()).isEqualTo("""
                steps (-5) must be > 0 (column 13)
                  cosine(0.1, steps=-5)
                              ^""");
    }

    @Test
    void message_withoutPosition_isTheReasonAlone() {
        SpecException e = catchThrowableOfType(SpecException.class, () -> Spec.parse(""));
        assertThat(e.getMessage()).isEqualTo(e.reason());
    }

    @Test
    void percentage_withTotal_resolvesToRoundedSteps() {
        assertThat(Spec.parse("cosine(0.1, steps=5%)", 1010)).isEqualTo(Spec.parse("cosine(0.1, steps=51)"));
    }

    @Test
    void total_mustBePositive() {
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> Spec.parse("constant(1)", 0)))
                .hasMessage("total (0) must be > 0");
    }
}
