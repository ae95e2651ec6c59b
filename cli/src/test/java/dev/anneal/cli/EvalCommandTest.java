package dev.anneal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static java.lang.Math.PI;
import static java.lang.Math.cos;
import static java.lang.Math.sqrt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** {@code anneal eval}: the command-line contract of SPEC-LANGUAGE.md, and every family and composition through it. */
class EvalCommandTest {
    private static final double TOLERANCE = 1e-12;

    // ---- output formats -------------------------------------------------------------------------------------

    @Test
    void eval_defaultFormat_isTsvWithDoubleToString() {
        Cli r = Cli.run("eval", "linear(0, 1, steps=3)", "--steps", "0:4");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.lines()).containsExactly(
                "0\t" + Double.toString(0.0),
                "1\t" + Double.toString(1.0 / 3),
                "2\t" + Double.toString(2.0 / 3),
                "3\t" + Double.toString(1.0));
    }

    @Test
    void eval_smallValues_printedWithDoubleToStringExponent() {
        Cli r = Cli.run("eval", "constant(1e-7)", "--steps", "0");
        assertThat(r.lines()).containsExactly("0\t" + Double.toString(1e-7)); // "1.0E-7"
    }

    @Test
    void eval_halfOpenRange_excludesEnd() {
        Cli r = Cli.run("eval", "constant(0.5)", "--steps", "0:3");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.lines()).containsExactly("0\t0.5", "1\t0.5", "2\t0.5");
    }

    @Test
    void eval_rangeNotFromZero_startsAtA() {
        Cli r = Cli.run("eval", "constant(0.5)", "--steps", "7:9");
        assertThat(r.lines()).containsExactly("7\t0.5", "8\t0.5");
    }

    @Test
    void eval_stepList_keepsGivenOrder() {
        Cli r = Cli.run("eval", "linear(0, 10, steps=10)", "--steps", "5,1,10");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.lines()).containsExactly("5\t5.0", "1\t1.0", "10\t10.0");
    }

    @Test
    void eval_csv_hasHeaderAndCommas() {
        Cli r = Cli.run("eval", "linear(0, 1, steps=2)", "--steps", "0:3", "--format", "csv");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.lines()).containsExactly("step,value", "0,0.0", "1,0.5", "2,1.0");
    }

    @Test
    void eval_json_parsesToStepsAndValues() throws Exception {
        Cli r = Cli.run("eval", "cosine(1, steps=4)", "--steps", "0,2,4,1", "--format", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode array = new ObjectMapper().readTree(r.out());
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(4);
        long[] steps = {0, 2, 4, 1};
        double[] values = {1, 0.5, 0, (1 + cos(PI / 4)) / 2};
        for (int i = 0; i < steps.length; i++) {
            JsonNode row = array.get(i);
            assertThat(row.get("step").isIntegralNumber()).as("step of row %d: %s", i, row).isTrue();
            assertThat(row.get("step").asLong()).isEqualTo(steps[i]);
            assertThat(row.get("value").asDouble()).as("row %d: %s", i, row).isCloseTo(values[i], within(TOLERANCE));
        }
    }

    @Test
    void eval_jsonValues_roundTripExactly() throws Exception {
        Cli r = Cli.run("eval", "linear(0, 1, steps=3)", "--steps", "1", "--format", "json");
        JsonNode array = new ObjectMapper().readTree(r.out());
        assertThat(array.get(0).get("value").asDouble()).isEqualTo(1.0 / 3);
    }

    // ---- --total and default steps --------------------------------------------------------------------------

    @Test
    void eval_percentagesWithTotal_resolveAgainstTotal() {
        Cli r = Cli.run("eval", "warmup(5%, cosine(0.1, steps=95%))", "--total", "10000", "--steps", "0,250,500,5250,10000");
        assertThat(r.code()).as(r.toString()).isZero();
        List<String> lines = r.lines();
        assertThat(lines).hasSize(5);
        assertValue(lines.get(0), 0, 0.0, "warmup(5%…)");
        assertValue(lines.get(1), 250, 0.05, "warmup(5%…)");
        assertValue(lines.get(2), 500, 0.1, "warmup(5%…)");
        assertValue(lines.get(3), 5250, 0.05, "warmup(5%…)");
        assertValue(lines.get(4), 10000, 0.0, "warmup(5%…)");
    }

    @Test
    void eval_finiteScheduleWithoutSteps_printsZeroToDurationInclusive() {
        Cli r = Cli.run("eval", "cosine(1, steps=4)");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.lines()).extracting(l -> l.split("\t")[0]).containsExactly("0", "1", "2", "3", "4");
        assertValue(r.lines().get(4), 4, 0.0, "cosine(1, steps=4)");
    }

    @Test
    void eval_finiteCompositionWithoutSteps_coversWholeDuration() {
        Cli r = Cli.run("eval", "warmup(5%, cosine(0.1, steps=95%))", "--total", "100");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.lines()).hasSize(101);
        assertThat(r.lines().get(100)).startsWith("100\t");
    }

    @Test
    void eval_infiniteScheduleWithoutSteps_exit2WithMessage() {
        Cli r = Cli.run("eval", "constant(0.1)");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("--steps").doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void eval_percentageWithoutTotal_exit2MentionsTotal() {
        Cli r = Cli.run("eval", "cosine(0.1, steps=50%)", "--steps", "0:3");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--total").contains("50%").doesNotContain("\tat ").doesNotContain("Exception");
    }

    // ---- every native family and composition form, through eval -------------------------------------------

    static Stream<Arguments> table() {
        double c45 = (1 + cos(PI / 4)) / 2;     // half-cosine at a quarter of its length
        double c135 = (1 + cos(3 * PI / 4)) / 2; // … at three quarters
        double initial = 1.0 / 25, min = initial / 1e4; // onecycle defaults: div 25, final_div 1e4
        return Stream.of(
                // constant(v)
                arguments("constant(0.1)", 0, 0.1),
                arguments("constant(0.1)", 1_000_000, 0.1),
                // linear(a, b, steps=T) = a + (b−a)·min(t,T)/T
                arguments("linear(1, 3, steps=4)", 0, 1.0),
                arguments("linear(1, 3, steps=4)", 1, 1.5),
                arguments("linear(1, 3, steps=4)", 4, 3.0),
                arguments("linear(1, 3, steps=4)", 9, 3.0),
                arguments("linear(1, 0, steps=4)", 3, 0.25),
                arguments("linear(1, 3, 4)", 2, 2.0),
                // step(v, every=k, gamma=g) = v·g^⌊t/k⌋
                arguments("step(1, every=3, gamma=0.5)", 0, 1.0),
                arguments("step(1, every=3, gamma=0.5)", 2, 1.0),
                arguments("step(1, every=3, gamma=0.5)", 3, 0.5),
                arguments("step(1, every=3, gamma=0.5)", 5, 0.5),
                arguments("step(1, every=3, gamma=0.5)", 6, 0.25),
                arguments("step(1, every=10)", 10, 0.1),
                // multistep(v, at=[…], gamma=g) = v·g^(number of mi ≤ t)
                arguments("multistep(1, at=[2, 5], gamma=0.5)", 1, 1.0),
                arguments("multistep(1, at=[2, 5], gamma=0.5)", 2, 0.5),
                arguments("multistep(1, at=[2, 5], gamma=0.5)", 4, 0.5),
                arguments("multistep(1, at=[2, 5], gamma=0.5)", 5, 0.25),
                arguments("multistep(1, at=[2, 5], gamma=0.5)", 100, 0.25),
                // exponential(v, gamma=g) = v·g^t; exponential(v, half_life=h) = v·2^(−t/h)
                arguments("exponential(2, gamma=0.5)", 0, 2.0),
                arguments("exponential(2, gamma=0.5)", 3, 0.25),
                arguments("exponential(8, half_life=2)", 1, 8 / sqrt(2)),
                arguments("exponential(8, half_life=2)", 2, 4.0),
                arguments("exponential(8, half_life=2)", 4, 2.0),
                // inverse_time(v, k=k, power=p) = v·(1+k·t)^(−p)
                arguments("inverse_time(1, k=0.5, power=2)", 0, 1.0),
                arguments("inverse_time(1, k=0.5, power=2)", 2, 0.25),
                arguments("inverse_time(1, k=0.5, power=2)", 6, 1.0 / 16),
                arguments("inverse_time(1, k=1)", 3, 0.25),
                // inverse_sqrt(v) = v/√(t+1)
                arguments("inverse_sqrt(1)", 0, 1.0),
                arguments("inverse_sqrt(1)", 3, 0.5),
                arguments("inverse_sqrt(2)", 8, 2.0 / 3),
                // power_law(v, alpha=a) = v·(t+1)^(−a)
                arguments("power_law(1, alpha=2)", 0, 1.0),
                arguments("power_law(1, alpha=2)", 1, 0.25),
                arguments("power_law(1, alpha=2)", 3, 1.0 / 16),
                arguments("power_law(2, alpha=0.5)", 3, 1.0),
                // polynomial(v, end=e, steps=T, power=p) = (v−e)·(1−min(t,T)/T)^p + e
                arguments("polynomial(1, end=0.2, steps=4, power=2)", 0, 1.0),
                arguments("polynomial(1, end=0.2, steps=4, power=2)", 2, 0.4),
                arguments("polynomial(1, end=0.2, steps=4, power=2)", 4, 0.2),
                arguments("polynomial(1, end=0.2, steps=4, power=2)", 10, 0.2),
                arguments("polynomial(1, steps=4)", 1, 0.75),
                // cosine(v, steps=T, floor=f) = f + (v−f)·(1+cos(π·min(t,T)/T))/2
                arguments("cosine(1, steps=4)", 0, 1.0),
                arguments("cosine(1, steps=4)", 2, 0.5),
                arguments("cosine(1, steps=4)", 4, 0.0),
                arguments("cosine(1, steps=4)", 8, 0.0),
                arguments("cosine(1, steps=4, floor=0.2)", 1, 0.2 + 0.8 * c45),
                arguments("cosine(1, steps=4, floor=0.2)", 2, 0.6),
                arguments("cosine(1, steps=4, floor=0.2)", 4, 0.2),
                arguments("cosine(1, steps=4, floor=0.2)", 100, 0.2),
                // sgdr, mult 1: every cycle T0 long, restarts at multiples of T0
                arguments("sgdr(1, period=4)", 0, 1.0),
                arguments("sgdr(1, period=4)", 2, 0.5),
                arguments("sgdr(1, period=4)", 4, 1.0),
                arguments("sgdr(1, period=4, mult=1)", 6, 0.5),
                arguments("sgdr(1, period=4, mult=1)", 9, c45),
                arguments("sgdr(1, period=4, floor=0.5)", 2, 0.75),
                arguments("sgdr(1, period=4, floor=0.5)", 4, 1.0),
                // sgdr, mult 2: cycles [0,2), [2,6), [6,14), [14,30)
                arguments("sgdr(1, period=2, mult=2)", 1, 0.5),
                arguments("sgdr(1, period=2, mult=2)", 2, 1.0),
                arguments("sgdr(1, period=2, mult=2)", 4, 0.5),
                arguments("sgdr(1, period=2, mult=2)", 5, c135),
                arguments("sgdr(1, period=2, mult=2)", 6, 1.0),
                arguments("sgdr(1, period=2, mult=2)", 10, 0.5),
                arguments("sgdr(1, period=2, mult=2)", 14, 1.0),
                // cyclic triangular, up 2 ≠ down 4: cycle of 6 steps
                arguments("cyclic(0, 1, up=2, down=4)", 0, 0.0),
                arguments("cyclic(0, 1, up=2, down=4)", 1, 0.5),
                arguments("cyclic(0, 1, up=2, down=4)", 2, 1.0),
                arguments("cyclic(0, 1, up=2, down=4)", 3, 0.75),
                arguments("cyclic(0, 1, up=2, down=4)", 4, 0.5),
                arguments("cyclic(0, 1, up=2, down=4)", 5, 0.25),
                arguments("cyclic(0, 1, up=2, down=4)", 6, 0.0),
                arguments("cyclic(0, 1, up=2, down=4)", 8, 1.0),
                arguments("cyclic(1, 3, up=2)", 1, 2.0),
                arguments("cyclic(1, 3, up=2)", 2, 3.0),
                arguments("cyclic(1, 3, up=2)", 3, 2.0),
                arguments("cyclic(1, 3, up=2)", 4, 1.0),
                // cyclic triangular2: amplitude halves each cycle
                arguments("cyclic(0, 1, up=2, down=4, mode=triangular2)", 2, 1.0),
                arguments("cyclic(0, 1, up=2, down=4, mode=triangular2)", 7, 0.25),
                arguments("cyclic(0, 1, up=2, down=4, mode=triangular2)", 8, 0.5),
                arguments("cyclic(0, 1, up=2, down=4, mode=triangular2)", 10, 0.25),
                arguments("cyclic(0, 1, up=2, down=4, mode=triangular2)", 14, 0.25),
                // cyclic exp_range: amplitude·gamma^t
                arguments("cyclic(0, 1, up=2, down=4, mode=exp_range, gamma=0.5)", 1, 0.25),
                arguments("cyclic(0, 1, up=2, down=4, mode=exp_range, gamma=0.5)", 2, 0.25),
                arguments("cyclic(0, 1, up=2, down=4, mode=exp_range, gamma=0.5)", 3, 0.09375),
                arguments("cyclic(1, 3, up=2, mode=exp_range, gamma=0.5)", 2, 1.5),
                // onecycle defaults (pct_start 0.3, div 25, final_div 1e4, cos): phases [0,5] and [5,19]
                arguments("onecycle(1, steps=20)", 0, initial),
                arguments("onecycle(1, steps=20)", 1, 1 + (initial - 1) / 2 * (cos(PI * 0.2) + 1)),
                arguments("onecycle(1, steps=20)", 5, 1.0),
                arguments("onecycle(1, steps=20)", 12, min + (1 - min) / 2),
                arguments("onecycle(1, steps=20)", 19, min),
                // onecycle, linear anneal
                arguments("onecycle(1, steps=20, anneal=linear)", 1, (1 - initial) * 0.2 + initial),
                arguments("onecycle(1, steps=20, anneal=linear)", 5, 1.0),
                arguments("onecycle(1, steps=20, anneal=linear)", 12, (min - 1) * 0.5 + 1),
                arguments("onecycle(1, steps=20, anneal=linear)", 19, min),
                // onecycle, explicit pct_start/div/final_div: initial 0.1, min 0.001, phases [0,4] and [4,9]
                arguments("onecycle(1, steps=10, pct_start=0.5, div=10, final_div=100)", 0, 0.1),
                arguments("onecycle(1, steps=10, pct_start=0.5, div=10, final_div=100)", 2, 0.55),
                arguments("onecycle(1, steps=10, pct_start=0.5, div=10, final_div=100)", 4, 1.0),
                arguments("onecycle(1, steps=10, pct_start=0.5, div=10, final_div=100)", 9, 0.001),
                // onecycle three_phase: [0,5] up, [5,10] back to initial, [10,19] down to min
                arguments("onecycle(1, steps=20, three_phase=true)", 5, 1.0),
                arguments("onecycle(1, steps=20, three_phase=true)", 8, initial + (1 - initial) / 2 * (cos(PI * 0.6) + 1)),
                arguments("onecycle(1, steps=20, three_phase=true)", 10, initial),
                arguments("onecycle(1, steps=20, three_phase=true)", 13, min + (initial - min) / 2 * (cos(PI / 3) + 1)),
                arguments("onecycle(1, steps=20, three_phase=true)", 19, min),
                // wsd linear: warmup [0,2), stable [2,4), decay [4,8]
                arguments("wsd(1, warmup=2, stable=2, decay=4)", 0, 0.0),
                arguments("wsd(1, warmup=2, stable=2, decay=4)", 1, 0.5),
                arguments("wsd(1, warmup=2, stable=2, decay=4)", 2, 1.0),
                arguments("wsd(1, warmup=2, stable=2, decay=4)", 3, 1.0),
                arguments("wsd(1, warmup=2, stable=2, decay=4)", 4, 1.0),
                arguments("wsd(1, warmup=2, stable=2, decay=4)", 5, 0.75),
                arguments("wsd(1, warmup=2, stable=2, decay=4)", 6, 0.5),
                arguments("wsd(1, warmup=2, stable=2, decay=4)", 8, 0.0),
                arguments("wsd(1, warmup=2, stable=2, decay=4)", 20, 0.0),
                arguments("wsd(1, warmup=2, stable=2, decay=4, floor=0.2, shape=linear)", 6, 0.6),
                arguments("wsd(1, warmup=2, stable=2, decay=4, floor=0.2)", 20, 0.2),
                // wsd cosine
                arguments("wsd(1, warmup=2, stable=2, decay=4, shape=cosine)", 4, 1.0),
                arguments("wsd(1, warmup=2, stable=2, decay=4, shape=cosine)", 5, c45),
                arguments("wsd(1, warmup=2, stable=2, decay=4, shape=cosine)", 6, 0.5),
                arguments("wsd(1, warmup=2, stable=2, decay=4, shape=cosine)", 8, 0.0),
                // wsd sqrt: peak → floor as 1 − √p
                arguments("wsd(1, warmup=2, stable=2, decay=4, shape=sqrt)", 4, 1.0),
                arguments("wsd(1, warmup=2, stable=2, decay=4, shape=sqrt)", 5, 0.5),
                arguments("wsd(1, warmup=2, stable=2, decay=4, shape=sqrt)", 6, 1 - sqrt(0.5)),
                arguments("wsd(1, warmup=2, stable=2, decay=4, shape=sqrt)", 8, 0.0),
                arguments("wsd(1, warmup=2, stable=2, decay=4, floor=0.2, shape=sqrt)", 5, 0.6),
                // A then B: B sees t − D
                arguments("linear(0, 1, steps=4) then linear(1, 0, steps=2)", 2, 0.5),
                arguments("linear(0, 1, steps=4) then linear(1, 0, steps=2)", 4, 1.0),
                arguments("linear(0, 1, steps=4) then linear(1, 0, steps=2)", 5, 0.5),
                arguments("linear(0, 1, steps=4) then linear(1, 0, steps=2)", 6, 0.0),
                arguments("linear(0, 1, steps=4) then linear(1, 0, steps=2)", 10, 0.0),
                arguments("cosine(1, steps=4) then constant(0.5)", 3, c135),
                arguments("cosine(1, steps=4) then constant(0.5)", 4, 0.5),
                arguments("linear(0, 1, steps=2) then linear(1, 2, steps=2) then constant(7)", 1, 0.5),
                arguments("linear(0, 1, steps=2) then linear(1, 2, steps=2) then constant(7)", 3, 1.5),
                arguments("linear(0, 1, steps=2) then linear(1, 2, steps=2) then constant(7)", 4, 7.0),
                arguments("(linear(0, 1, steps=2) then linear(1, 2, steps=2)) then constant(7)", 100, 7.0),
                // warmup(w, B) = linear(0, B(0), steps=w) then B
                arguments("warmup(4, constant(2))", 0, 0.0),
                arguments("warmup(4, constant(2))", 1, 0.5),
                arguments("warmup(4, constant(2))", 4, 2.0),
                arguments("warmup(4, constant(2))", 100, 2.0),
                arguments("warmup(2, cosine(1, steps=4))", 1, 0.5),
                arguments("warmup(2, cosine(1, steps=4))", 2, 1.0),
                arguments("warmup(2, cosine(1, steps=4))", 4, 0.5),
                arguments("warmup(2, cosine(1, steps=4))", 6, 0.0),
                // c * A, A * c, A * B
                arguments("2 * constant(3)", 0, 6.0),
                arguments("0.5 * linear(0, 1, steps=4)", 2, 0.25),
                arguments("linear(0, 1, steps=4) * 3", 2, 1.5),
                arguments("2 * 3 * constant(1)", 5, 6.0),
                arguments("linear(0, 1, steps=4) * linear(0, 2, steps=2)", 1, 0.25),
                arguments("linear(0, 1, steps=4) * linear(0, 2, steps=2)", 2, 1.0),
                arguments("2 * linear(0, 1, steps=2) then constant(5)", 1, 1.0),
                arguments("2 * linear(0, 1, steps=2) then constant(5)", 2, 5.0),
                arguments("2 * (linear(0, 1, steps=2) then constant(5))", 2, 10.0),
                // shift(A, k) = A(t + k), A(t < 0) = A(0)
                arguments("shift(linear(0, 1, steps=4), 2)", 0, 0.5),
                arguments("shift(linear(0, 1, steps=4), 2)", 2, 1.0),
                arguments("shift(linear(0, 1, steps=4), -2)", 0, 0.0),
                arguments("shift(linear(0, 1, steps=4), -2)", 1, 0.0),
                arguments("shift(linear(0, 1, steps=4), -2)", 2, 0.0),
                arguments("shift(linear(0, 1, steps=4), -2)", 3, 0.25),
                arguments("shift(linear(0, 1, steps=4), -2)", 6, 1.0),
                // phase(A, f) = A(t + f·P)
                arguments("phase(cyclic(0, 1, up=2), 0.5)", 0, 1.0),
                arguments("phase(cyclic(0, 1, up=2), 0.5)", 1, 0.5),
                arguments("phase(cyclic(0, 1, up=2), 0.5)", 2, 0.0),
                arguments("phase(cyclic(0, 1, up=2), 0)", 1, 0.5),
                arguments("phase(sgdr(1, period=4), 0.25)", 0, c45),
                arguments("phase(sgdr(1, period=4), 0.25)", 1, 0.5),
                // counter(A) = lo + hi − A(t)
                arguments("counter(cyclic(1, 3, up=2))", 0, 3.0),
                arguments("counter(cyclic(1, 3, up=2))", 1, 2.0),
                arguments("counter(cyclic(1, 3, up=2))", 2, 1.0),
                arguments("counter(linear(0, 1, steps=4))", 1, 0.75),
                arguments("counter(cosine(1, steps=4, floor=0.2))", 0, 0.2),
                arguments("counter(cosine(1, steps=4, floor=0.2))", 2, 0.6),
                arguments("counter(cosine(1, steps=4, floor=0.2))", 4, 1.0),
                // clamp(A, min=a, max=b) = min(max(A(t), a), b)
                arguments("clamp(linear(0, 1, steps=4), min=0.25, max=0.5)", 0, 0.25),
                arguments("clamp(linear(0, 1, steps=4), min=0.25, max=0.5)", 1, 0.25),
                arguments("clamp(linear(0, 1, steps=4), min=0.25, max=0.5)", 2, 0.5),
                arguments("clamp(linear(0, 1, steps=4), min=0.25, max=0.5)", 3, 0.5),
                arguments("clamp(exponential(1, gamma=0.5), min=0.125)", 1, 0.5),
                arguments("clamp(exponential(1, gamma=0.5), min=0.125)", 5, 0.125),
                arguments("clamp(linear(0, 1, steps=4), max=0.5)", 1, 0.25),
                arguments("clamp(linear(0, 1, steps=4), max=0.5)", 4, 0.5));
    }

    @ParameterizedTest(name = "{0} at {1} = {2}")
    @MethodSource("table")
    void eval_familiesAndCompositions_matchHandComputedValues(String spec, long step, double expected) {
        Cli r = Cli.run("eval", spec, "--steps", Long.toString(step));
        assertThat(r.code()).as("spec %s at step %d: %s", spec, step, r).isZero();
        assertThat(r.lines()).as("spec %s at step %d: %s", spec, step, r).hasSize(1);
        assertValue(r.lines().get(0), step, expected, spec);
    }

    /** The same table through one range: every step of a list is evaluated independently of the others. */
    @Test
    void eval_rangeAndSingleSteps_agree() {
        String spec = "warmup(3, cosine(1, steps=6)) then 0.5 * cyclic(0, 1, up=3, down=5)";
        Cli all = Cli.run("eval", spec, "--steps", "0:40");
        assertThat(all.code()).as(all.toString()).isZero();
        List<String> lines = all.lines();
        assertThat(lines).hasSize(40);
        String reversed = String.join(",", LongStream.range(0, 40).map(i -> 39 - i).mapToObj(Long::toString).toList());
        List<String> backwards = Cli.run("eval", spec, "--steps", reversed).lines();
        assertThat(backwards.reversed()).isEqualTo(lines);
    }

    private static void assertValue(String line, long step, double expected, String spec) {
        String[] cells = line.split("\t");
        assertThat(cells).as("spec %s at step %d: line '%s'", spec, step, line).hasSize(2);
        assertThat(Long.parseLong(cells[0])).as("spec %s: step column of '%s'", spec, line).isEqualTo(step);
        double actual = Double.parseDouble(cells[1]);
        assertThat(cells[1]).as("spec %s at step %d: printed with Double.toString", spec, step).isEqualTo(Double.toString(actual));
        assertThat(actual).as("spec %s at step %d: expected %s, actual %s", spec, step, expected, actual)
                .isCloseTo(expected, within(TOLERANCE));
    }
}
