package dev.anneal.schedule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Hand-computed values for every native family and every composition, from the formulas in
 * {@code SPEC-LANGUAGE.md} and PyTorch's documentation (StepLR, MultiStepLR, CosineAnnealingWarmRestarts,
 * CyclicLR, OneCycleLR). Every expected value is a literal worked out by hand; parameters are chosen so most are
 * exact binary fractions. Irrational ones are written to 16 significant digits:
 * (1 + cos(π/4))/2 = 0.8535533905932738, (1 − cos(π/4))/2 = 0.1464466094067262, √3/2 = 0.8660254037844386,
 * √2 = 1.4142135623730951.
 */
class FamilyValuesTest {

    /** Relative tolerance for values of order 1 and above, absolute below. */
    private static final double TOLERANCE = 1e-12;

    private static Arguments row(Schedule schedule, long step, double expected) {
        return Arguments.of(schedule, step, expected);
    }

    private static void check(Schedule schedule, long step, double expected) {
        double actual = schedule.at(step);
        assertThat(actual)
                .as("%s at step %d: expected %s, actual %s", schedule, step, expected, actual)
                .isCloseTo(expected, within(TOLERANCE * Math.max(1, Math.abs(expected))));
    }

    // ---- native families ---------------------------------------------------------------------------------

    static Stream<Arguments> constant() {
        Schedule c = new Constant(0.5);
        return Stream.of(row(c, 0, 0.5), row(c, 7, 0.5), row(c, -3, 0.5), row(c, Long.MAX_VALUE, 0.5));
    }

    @ParameterizedTest(name = "{0} at {1} = {2}")
    @MethodSource("constant")
    void constant_handComputedValues(Schedule schedule, long step, double expected) {
        check(schedule, step, expected);
    }

    static Stream<Arguments> linear() {
        Schedule up = new Linear(1, 3, 4), down = new Linear(2, 0, 8);
        return Stream.of(
                row(up, -1, 1), row(up, 0, 1), row(up, 1, 1.5), row(up, 2, 2), row(up, 3, 2.5), row(up, 4, 3),
                row(up, 40, 3), row(up, Long.MAX_VALUE, 3),
                row(down, 0, 2), row(down, 2, 1.5), row(down, 4, 1), row(down, 7, 0.25), row(down, 8, 0),
                row(down, 80, 0));
    }

    @ParameterizedTest(name = "{0} at {1} = {2}")
    @MethodSource("linear")
    void linear_handComputedValues(Schedule schedule, long step, double expected) {
        check(schedule, step, expected);
    }

    static Stream<Arguments> step() {
        Schedule halves = new Step(1, 3, 0.5), drop = new Step(2, 5, 0);
        return Stream.of(
                row(halves, 0, 1), row(halves, 2, 1), row(halves, 3, 0.5), row(halves, 5, 0.5), row(halves, 6, 0.25),
                row(halves, 9, 0.125), row(halves, 30, 0.0009765625), row(halves, -4, 1),
                row(drop, 0, 2), row(drop, 4, 2), row(drop, 5, 0), row(drop, 50, 0));
    }

    @ParameterizedTest(name = "{0} at {1} = {2}")
    @MethodSource("step")
    void step_handComputedValues(Schedule schedule, long step, double expected) {
        check(schedule, step, expected);
    }

    static Stream<Arguments> multistep() {
        // A repeated milestone counts twice (PyTorch MultiStepLR); a milestone at 0 applies from step 0.
        Schedule m = new MultiStep(1, List.of(2L, 5L, 5L, 9L), 0.5), zero = new MultiStep(2, List.of(0L, 3L), 0.5);
        return Stream.of(
                row(m, 0, 1), row(m, 1, 1), row(m, 2, 0.5), row(m, 4, 0.5), row(m, 5, 0.125), row(m, 8, 0.125),
                row(m, 9, 0.0625), row(m, 90, 0.0625),
                row(zero, 0, 1), row(zero, 2, 1), row(zero, 3, 0.5), row(zero, 30, 0.5));
    }

    @ParameterizedTest(name = "{0} at {1} = {2}")
    @MethodSource("multistep")
    void multistep_handComputedValues(Schedule schedule, long step, double expected) {
        check(schedule, step, expected);
    }

    static Stream<Arguments> exponential() {
        Schedule half = new Exponential(2, 0.5), one = new Exponential(3, 1), zero = new Exponential(4, 0),
                grow = new Exponential(1, 2);
        return Stream.of(
                row(half, 0, 2), row(half, 1, 1), row(half, 3, 0.25), row(half, 10, 0.001953125), row(half, 2000, 0),
                row(one, 0, 3), row(one, 1_000_000_000_000L, 3),
                row(zero, 0, 4), row(zero, 1, 0), row(zero, 100, 0),
                row(grow, 10, 1024));
    }

    @ParameterizedTest(name = "{0} at {1} = {2}")
    @MethodSource("exponential")
    void exponential_handComputedValues(Schedule schedule, long step, double expected) {
        check(schedule, step, expected);
    }

    static Stream<Arguments> halfLife() {
        Schedule h = new HalfLife(8, 2), quick = new HalfLife(1, 0.5);
        return Stream.of(
                row(h, 0, 8), row(h, 1, 5.656854249492381 /* 4·√2 */), row(h, 2, 4), row(h, 4, 2), row(h, 6, 1),
                row(h, 20, 0.0078125), row(h, 4000, 0),
                row(quick, 1, 0.25), row(quick, 3, 0.015625));
    }

    @ParameterizedTest(name = "{0} at {1} = {2}")
    @MethodSource("halfLife")
    void halfLife_handComputedValues(Schedule schedule, long step, double expected) {
        check(schedule, step, expected);
    }

    static Stream<Arguments> inverseTime() {
        Schedule p1 = new InverseTime(6, 0.5, 1), p2 = new InverseTime(9, 1, 2), sqrt = new InverseTime(1, 1, 0.5),
                flat = new InverseTime(2, 0, 3);
        return Stream.of(
                row(p1, 0, 6), row(p1, 2, 3), row(p1, 4, 2), row(p1, 10, 1), row(p1, 22, 0.5),
                row(p2, 0, 9), row(p2, 2, 1), row(p2, 5, 0.25), row(p2, 299, 1e-4),
                row(sqrt, 3, 0.5), row(sqrt, 15, 0.25),
                row(flat, 1_000_000, 2));
    }

    @ParameterizedTest(name = "{0} at {1} = {2}")
    @MethodSource("inverseTime")
    void inverseTime_handComputedValues(Schedule schedule, long step, double expected) {
        check(schedule, step, expected);
    }

    static Stream<Arguments> inverseSqrt() {
        Schedule s = new InverseSqrt(2);
        return Stream.of(row(s, -5, 2), row(s, 0, 2), row(s, 3, 1), row(s, 15, 0.5), row(s, 99, 0.2),
                row(s, 9999, 0.02), row(s, 999_999_999_999L, 2e-6));
    }

    @ParameterizedTest(name = "{0} at {1} = {2}")
    @MethodSource("inverseSqrt")
    void inverseSqrt_handComputedValues(Schedule schedule, long step, double expected) {
        check(schedule, step, expected);
    }

    static Stream<Arguments> powerLaw() {
        Schedule square = new PowerLaw(1, 2), root = new PowerLaw(3, 0.5), flat = new PowerLaw(5, 0);
        return Stream.of(
                row(square, 0, 1), row(square, 1, 0.25), row(square, 3, 0.0625), row(square, 9, 0.01),
                row(root, 0, 3), row(root, 8, 1), row(root, 35, 0.5),
                row(flat, 123_456, 5));
    }

    @ParameterizedTest(name = "{0} at {1} = {2}")
    @MethodSource("powerLaw")
    void powerLaw_handComputedValues(Schedule schedule, long step, double expected) {
        check(schedule, step, expected);
    }

    static Stream<Arguments> polynomial() {
        Schedule square = new Polynomial(1, 0, 4, 2), line = new Polynomial(3, 1, 10, 1), root = new Polynomial(2, 0, 4, 0.5);
        return Stream.of(
                row(square, 0, 1), row(square, 1, 0.5625), row(square, 2, 0.25), row(square, 3, 0.0625),
                row(square, 4, 0), row(square, 40, 0),
                row(line, 0, 3), row(line, 5, 2), row(line, 9, 1.2), row(line, 10, 1), row(line, 100, 1),
                row(root, 3, 1), row(root, 4, 0));
    }

    @ParameterizedTest(name = "{0} at {1} = {2}")
    @MethodSource("polynomial")
    void polynomial_handComputedValues(Schedule schedule, long step, double expected) {
        check(schedule, step, expected);
    }

    static Stream<Arguments> cosine() {
        Schedule unit = new Cosine(1, 4, 0), floored = new Cosine(3, 6, 1), rising = new Cosine(0, 2, 1);
        return Stream.of(
                row(unit, 0, 1), row(unit, 1, 0.8535533905932738), row(unit, 2, 0.5), row(unit, 3, 0.1464466094067262),
                row(unit, 4, 0), row(unit, 40, 0), row(unit, -2, 1),
                row(floored, 0, 3), row(floored, 2, 2.5), row(floored, 3, 2), row(floored, 4, 1.5),
                row(floored, 5, 1.1339745962155614 /* 1 + (1 − √3/2) */), row(floored, 6, 1),
                row(floored, 60, 1),
                row(rising, 1, 0.5), row(rising, 2, 1));
    }

    @ParameterizedTest(name = "{0} at {1} = {2}")
    @MethodSource("cosine")
    void cosine_handComputedValues(Schedule schedule, long step, double expected) {
        check(schedule, step, expected);
    }

    static Stream<Arguments> sgdr() {
        // mult 1: cycles of 4 starting at 0, 4, 8, …; the floor is never reached (T_cur < T_i).
        Schedule m1 = new Sgdr(1, 4, 1, 0), m1floor = new Sgdr(3, 6, 1, 1);
        // mult 2, T0 = 2: cycles [0, 2), [2, 6), [6, 14), [14, 30), …, cycle n starts at 2·(2ⁿ − 1) and lasts 2ⁿ⁺¹.
        Schedule m2 = new Sgdr(1, 2, 2, 0);
        // mult 3, T0 = 1: cycles [0, 1), [1, 4), [4, 13), [13, 40), …
        Schedule m3 = new Sgdr(1, 1, 3, 0);
        // mult 3, T0 = 2, floor 1: cycles [0, 2), [2, 8), [8, 26), …
        Schedule m3floor = new Sgdr(5, 2, 3, 1);
        return Stream.of(
                row(m1, 0, 1), row(m1, 1, 0.8535533905932738), row(m1, 2, 0.5), row(m1, 3, 0.1464466094067262),
                row(m1, 4, 1), row(m1, 6, 0.5), row(m1, 8, 1), row(m1, 40, 1), row(m1, 42, 0.5),
                row(m1floor, 2, 2.5), row(m1floor, 3, 2), row(m1floor, 9, 2), row(m1floor, 12, 3),
                row(m2, 0, 1), row(m2, 1, 0.5), row(m2, 2, 1), row(m2, 3, 0.8535533905932738), row(m2, 4, 0.5),
                row(m2, 5, 0.1464466094067262), row(m2, 6, 1), row(m2, 10, 0.5),
                row(m2, 13, 0.03806023374435663 /* (1 − cos(π/8))/2 */), row(m2, 14, 1), row(m2, 22, 0.5),
                row(m2, 4_294_967_294L, 1 /* start of cycle 31 */),
                row(m2, 3_298_534_883_326L, 0.5 /* cycle 40: 2·(2⁴⁰ − 1) + 2⁴⁰ */),
                row(m3, 0, 1), row(m3, 1, 1), row(m3, 2, 0.75), row(m3, 3, 0.25), row(m3, 4, 1), row(m3, 7, 0.75),
                row(m3, 10, 0.25), row(m3, 13, 1), row(m3, 22, 0.75), row(m3, 40, 1),
                row(m3floor, 1, 3), row(m3floor, 2, 5), row(m3floor, 4, 4), row(m3floor, 5, 3), row(m3floor, 8, 5),
                row(m3floor, 26, 5));
    }

    @ParameterizedTest(name = "{0} at {1} = {2}")
    @MethodSource("sgdr")
    void sgdr_handComputedValues(Schedule schedule, long step, double expected) {
        check(schedule, step, expected);
    }

    static Stream<Arguments> cyclic() {
        // PyTorch CyclicLR: cycle = ⌊1 + t/(u+d)⌋, x = 1 + t/(u+d) − cycle, scale = x/r up to r = u/(u+d), else (x−1)/(r−1).
        Schedule tri = new Cyclic(1, 3, 2, 2, Cyclic.Mode.TRIANGULAR, 1);
        Schedule quickUp = new Cyclic(2, 6, 1, 4, Cyclic.Mode.TRIANGULAR, 1);
        Schedule slowUp = new Cyclic(0, 1, 4, 1, Cyclic.Mode.TRIANGULAR, 1);
        Schedule tri2 = new Cyclic(0, 8, 2, 2, Cyclic.Mode.TRIANGULAR2, 1);
        Schedule tri2Skew = new Cyclic(0, 8, 1, 3, Cyclic.Mode.TRIANGULAR2, 1);
        Schedule exp = new Cyclic(1, 3, 2, 2, Cyclic.Mode.EXP_RANGE, 0.5);
        Schedule expSkew = new Cyclic(0, 8, 1, 3, Cyclic.Mode.EXP_RANGE, 0.5);
        return Stream.of(
                row(tri, 0, 1), row(tri, 1, 2), row(tri, 2, 3), row(tri, 3, 2), row(tri, 4, 1), row(tri, 5, 2),
                row(tri, 6, 3), row(tri, 40, 1), row(tri, 42, 3), row(tri, -1, 1),
                row(quickUp, 0, 2), row(quickUp, 1, 6), row(quickUp, 2, 5), row(quickUp, 3, 4), row(quickUp, 4, 3),
                row(quickUp, 5, 2), row(quickUp, 6, 6), row(quickUp, 50, 2), row(quickUp, 51, 6),
                row(slowUp, 1, 0.25), row(slowUp, 2, 0.5), row(slowUp, 3, 0.75), row(slowUp, 4, 1), row(slowUp, 5, 0),
                row(tri2, 0, 0), row(tri2, 1, 4), row(tri2, 2, 8), row(tri2, 3, 4), row(tri2, 4, 0), row(tri2, 5, 2),
                row(tri2, 6, 4), row(tri2, 7, 2), row(tri2, 8, 0), row(tri2, 10, 2), row(tri2, 14, 1),
                row(tri2, 42, 0.0078125 /* cycle 11: 8/2¹⁰ */),
                row(tri2Skew, 1, 8), row(tri2Skew, 2, 5.333333333333333), row(tri2Skew, 3, 2.6666666666666667),
                row(tri2Skew, 4, 0), row(tri2Skew, 5, 4), row(tri2Skew, 9, 2),
                row(exp, 0, 1), row(exp, 1, 1.5), row(exp, 2, 1.5), row(exp, 3, 1.125), row(exp, 4, 1),
                row(exp, 6, 1.03125), row(exp, 10, 1.001953125), row(exp, 2000, 1),
                row(expSkew, 1, 4), row(expSkew, 2, 1.3333333333333333), row(expSkew, 5, 0.25));
    }

    @ParameterizedTest(name = "{0} at {1} = {2}")
    @MethodSource("cyclic")
    void cyclic_handComputedValues(Schedule schedule, long step, double expected) {
        check(schedule, step, expected);
    }

    static Stream<Arguments> onecycle() {
        // Defaults: 1/25 = 0.04 → 1 over steps 0 … 29 (0.3·100 − 1), then → 0.04/1e4 = 4e-6 at step 99.
        Schedule defaults = OneCycle.of(1, 100);
        // peak 10, div 5 (start 2), final_div 2 (end 1); phase 1 ends at 0.4·10 − 1 = 3, phase 2 at 9.
        Schedule cos = new OneCycle(10, 10, 0.4, 5, 2, OneCycle.Anneal.COS, false);
        Schedule lin = new OneCycle(10, 10, 0.4, 5, 2, OneCycle.Anneal.LINEAR, false);
        // three phases: 2 → 10 over [0, 2] (0.2·15 − 1), 10 → 2 over [2, 4] (2·0.2·15 − 2), 2 → 1 over [4, 14].
        Schedule three = new OneCycle(10, 15, 0.2, 5, 2, OneCycle.Anneal.COS, true);
        Schedule threeLin = new OneCycle(10, 15, 0.2, 5, 2, OneCycle.Anneal.LINEAR, true);
        return Stream.of(
                row(defaults, 0, 0.04), row(defaults, 29, 1), row(defaults, 64, 0.500002), row(defaults, 99, 4e-6),
                row(defaults, 100, 4e-6), row(defaults, 1000, 4e-6), row(defaults, -1, 0.04),
                row(cos, 0, 2), row(cos, 1, 4), row(cos, 2, 8), row(cos, 3, 10), row(cos, 5, 7.75), row(cos, 6, 5.5),
                row(cos, 7, 3.25), row(cos, 8, 1.602885682970026 /* 1 + 4.5·(1 − √3/2) */), row(cos, 9, 1),
                row(cos, 10, 1), row(cos, 100, 1),
                row(lin, 0, 2), row(lin, 1, 4.666666666666667), row(lin, 2, 7.333333333333333), row(lin, 3, 10),
                row(lin, 5, 7), row(lin, 6, 5.5), row(lin, 7, 4), row(lin, 8, 2.5), row(lin, 9, 1), row(lin, 50, 1),
                row(three, 0, 2), row(three, 1, 6), row(three, 2, 10), row(three, 3, 6), row(three, 4, 2),
                row(three, 9, 1.5), row(three, 14, 1), row(three, 15, 1), row(three, 150, 1),
                row(threeLin, 1, 6), row(threeLin, 3, 6), row(threeLin, 6, 1.8), row(threeLin, 9, 1.5),
                row(threeLin, 14, 1));
    }

    @ParameterizedTest(name = "{0} at {1} = {2}")
    @MethodSource("onecycle")
    void onecycle_handComputedValues(Schedule schedule, long step, double expected) {
        check(schedule, step, expected);
    }

    static Stream<Arguments> wsd() {
        Schedule lin = new Wsd(2, 4, 3, 4, 0, Wsd.Shape.LINEAR);
        Schedule cos = new Wsd(3, 2, 2, 6, 1, Wsd.Shape.COSINE);
        Schedule sqrt = new Wsd(1, 0, 2, 4, 0, Wsd.Shape.SQRT);
        Schedule sqrtFloor = new Wsd(5, 1, 0, 16, 1, Wsd.Shape.SQRT);
        Schedule decayOnly = new Wsd(4, 0, 0, 4, 0, Wsd.Shape.LINEAR);
        return Stream.of(
                row(lin, 0, 0), row(lin, 1, 0.5), row(lin, 2, 1), row(lin, 3, 1.5), row(lin, 4, 2), row(lin, 6, 2),
                row(lin, 7, 2), row(lin, 8, 1.5), row(lin, 9, 1), row(lin, 10, 0.5), row(lin, 11, 0), row(lin, 110, 0),
                row(lin, -1, 0),
                row(cos, 0, 0), row(cos, 1, 1.5), row(cos, 2, 3), row(cos, 3, 3), row(cos, 4, 3), row(cos, 6, 2.5),
                row(cos, 7, 2), row(cos, 8, 1.5), row(cos, 9, 1.1339745962155614), row(cos, 10, 1), row(cos, 100, 1),
                row(sqrt, 0, 1), row(sqrt, 1, 1), row(sqrt, 2, 1), row(sqrt, 3, 0.5),
                row(sqrt, 4, 0.2928932188134524 /* 1 − √0.5 */), row(sqrt, 5, 0.1339745962155614 /* 1 − √0.75 */),
                row(sqrt, 6, 0), row(sqrt, 60, 0),
                row(sqrtFloor, 0, 0), row(sqrtFloor, 1, 5), row(sqrtFloor, 5, 3), row(sqrtFloor, 17, 1),
                row(decayOnly, 0, 4), row(decayOnly, 1, 3), row(decayOnly, 4, 0));
    }

    @ParameterizedTest(name = "{0} at {1} = {2}")
    @MethodSource("wsd")
    void wsd_handComputedValues(Schedule schedule, long step, double expected) {
        check(schedule, step, expected);
    }

    // ---- composition ------------------------------------------------------------------------------------

    static Stream<Arguments> then() {
        Schedule rampThenCosine = new Then(new Linear(0, 1, 4), new Cosine(1, 4, 0));
        Schedule relative = new Then(new Linear(0, 1, 2), new Linear(10, 20, 10));
        Schedule three = new Then(new Then(new Linear(0, 1, 2), new Linear(1, 0, 2)), new Step(1, 2, 0.5));
        return Stream.of(
                row(rampThenCosine, -5, 0), row(rampThenCosine, 0, 0), row(rampThenCosine, 2, 0.5),
                row(rampThenCosine, 3, 0.75), row(rampThenCosine, 4, 1), row(rampThenCosine, 5, 0.8535533905932738),
                row(rampThenCosine, 6, 0.5), row(rampThenCosine, 8, 0), row(rampThenCosine, 80, 0),
                row(relative, 1, 0.5), row(relative, 2, 10), row(relative, 7, 15), row(relative, 12, 20),
                row(three, 1, 0.5), row(three, 2, 1), row(three, 3, 0.5), row(three, 4, 1), row(three, 6, 0.5),
                row(three, 8, 0.25));
    }

    @ParameterizedTest(name = "{0} at {1} = {2}")
    @MethodSource("then")
    void then_childSeesRelativeStep(Schedule schedule, long step, double expected) {
        check(schedule, step, expected);
    }

    static Stream<Arguments> warmup() {
        Schedule cos = new Warmup(4, new Cosine(2, 4, 0)), exp = new Warmup(2, new Exponential(4, 0.5));
        return Stream.of(
                row(cos, -1, 0), row(cos, 0, 0), row(cos, 1, 0.5), row(cos, 2, 1), row(cos, 3, 1.5), row(cos, 4, 2),
                row(cos, 5, 1.7071067811865476 /* 1 + √2/2 */), row(cos, 6, 1), row(cos, 8, 0), row(cos, 80, 0),
                row(exp, 1, 2), row(exp, 2, 4), row(exp, 3, 2), row(exp, 4, 1));
    }

    @ParameterizedTest(name = "{0} at {1} = {2}")
    @MethodSource("warmup")
    void warmup_rampsToTargetAtZeroThenFollowsTarget(Schedule schedule, long step, double expected) {
        check(schedule, step, expected);
    }

    static Stream<Arguments> scaledAndProduct() {
        Schedule scaled = new Scaled(3, new Linear(1, 3, 4)), negative = new Scaled(-2, new Cosine(1, 4, 0));
        Schedule product = new Product(new Linear(0, 2, 4), new Step(1, 2, 0.5));
        return Stream.of(
                row(scaled, 0, 3), row(scaled, 2, 6), row(scaled, 40, 9),
                row(negative, 0, -2), row(negative, 2, -1), row(negative, 4, 0),
                row(product, 0, 0), row(product, 1, 0.5), row(product, 2, 0.5), row(product, 3, 0.75),
                row(product, 4, 0.5), row(product, 6, 0.25));
    }

    @ParameterizedTest(name = "{0} at {1} = {2}")
    @MethodSource("scaledAndProduct")
    void scaledAndProduct_pointwise(Schedule schedule, long step, double expected) {
        check(schedule, step, expected);
    }

    static Stream<Arguments> shift() {
        Schedule ahead = new Shift(new Linear(0, 1, 4), 2), delayed = new Shift(new Linear(0, 1, 4), -2);
        Schedule cyclic = new Shift(new Cyclic(1, 3, 2, 2, Cyclic.Mode.TRIANGULAR, 1), 1);
        return Stream.of(
                row(ahead, -3, 0.5), row(ahead, 0, 0.5), row(ahead, 1, 0.75), row(ahead, 2, 1), row(ahead, 20, 1),
                row(delayed, 0, 0), row(delayed, 1, 0), row(delayed, 2, 0), row(delayed, 3, 0.25), row(delayed, 4, 0.5),
                row(delayed, 6, 1), row(delayed, 60, 1),
                row(cyclic, 0, 2), row(cyclic, 1, 3), row(cyclic, 3, 1));
    }

    @ParameterizedTest(name = "{0} at {1} = {2}")
    @MethodSource("shift")
    void shift_readsShiftedStepAndStepZeroBeforeStart(Schedule schedule, long step, double expected) {
        check(schedule, step, expected);
    }

    static Stream<Arguments> phase() {
        Schedule half = new Phase(new Cyclic(0, 4, 2, 2, Cyclic.Mode.TRIANGULAR, 1), 0.5);
        Schedule quarter = new Phase(new Sgdr(1, 4, 1, 0), 0.25);
        // P = 3: 0.5·3 = 1.5 rounds to 2; cyclic(0, 4, up=1, down=2) at 2 is 2.
        Schedule rounded = new Phase(new Cyclic(0, 4, 1, 2, Cyclic.Mode.TRIANGULAR, 1), 0.5);
        return Stream.of(
                row(half, 0, 4), row(half, 1, 2), row(half, 2, 0), row(half, 4, 4),
                row(quarter, 0, 0.8535533905932738), row(quarter, 3, 1), row(quarter, 5, 0.5),
                row(rounded, 0, 2), row(rounded, 1, 0), row(rounded, 2, 4));
    }

    @ParameterizedTest(name = "{0} at {1} = {2}")
    @MethodSource("phase")
    void phase_advancesByRoundedFractionOfPeriod(Schedule schedule, long step, double expected) {
        check(schedule, step, expected);
    }

    @Test
    void phase_offset_isFractionTimesPeriodRounded() {
        Schedule p3 = new Cyclic(0, 4, 1, 2, Cyclic.Mode.TRIANGULAR, 1);
        assertThat(new Phase(p3, 0.5).offset()).isEqualTo(2);
        assertThat(new Phase(p3, 0.3).offset()).isEqualTo(1);
        assertThat(new Phase(p3, 0.1).offset()).isEqualTo(0);
        assertThat(new Phase(new Sgdr(1, 10, 1, 0), 0.25).offset()).isEqualTo(3);
        assertThat(new Phase(new Sgdr(1, 10, 1, 0), 0).offset()).isEqualTo(0);
    }

    static Stream<Arguments> counter() {
        Schedule cyclic = new Counter(new Cyclic(1, 3, 2, 2, Cyclic.Mode.TRIANGULAR, 1));
        Schedule cosine = new Counter(new Cosine(1, 4, 0));
        Schedule decay = new Counter(new Exponential(1, 0.5));
        return Stream.of(
                row(cyclic, 0, 3), row(cyclic, 1, 2), row(cyclic, 2, 1), row(cyclic, 4, 3),
                row(cosine, 0, 0), row(cosine, 1, 0.1464466094067262), row(cosine, 2, 0.5), row(cosine, 4, 1),
                row(decay, 0, 0), row(decay, 1, 0.5), row(decay, 2, 0.75));
    }

    @ParameterizedTest(name = "{0} at {1} = {2}")
    @MethodSource("counter")
    void counter_mirrorsWithinRange(Schedule schedule, long step, double expected) {
        check(schedule, step, expected);
    }

    @Test
    void counter_unboundedExponentialGrowth_rejected() {
        assertThatThrownBy(() -> new Counter(new Exponential(1, 2))).isExactlyInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new Counter(new Step(1, 10, 1.5))).isExactlyInstanceOf(InvalidInputException.class);
    }

    static Stream<Arguments> clamp() {
        Schedule both = new Clamp(new Linear(0, 4, 4), 1, 3);
        Schedule floorOnly = new Clamp(new Exponential(1, 0.5), 0.25, Double.POSITIVE_INFINITY);
        return Stream.of(
                row(both, 0, 1), row(both, 1, 1), row(both, 2, 2), row(both, 3, 3), row(both, 4, 3),
                row(floorOnly, 0, 1), row(floorOnly, 1, 0.5), row(floorOnly, 4, 0.25), row(floorOnly, 400, 0.25));
    }

    @ParameterizedTest(name = "{0} at {1} = {2}")
    @MethodSource("clamp")
    void clamp_holdsValuesInsideBounds(Schedule schedule, long step, double expected) {
        check(schedule, step, expected);
    }

    static Stream<Arguments> rescale() {
        // linear(0, 4, 4) has range [0, 4]: 1 + t/4·(3 − 1); one-cycle momentum: 0.85 where the lr peaks, 0.95 at its end
        Schedule line = new Rescale(new Linear(0, 4, 4), 1, 3);
        Schedule momentum = new Rescale(new Counter(new Cosine(0.1, 100, 0)), 0.85, 0.95);
        return Stream.of(
                row(line, 0, 1), row(line, 1, 1.5), row(line, 2, 2), row(line, 4, 3), row(line, 9, 3),
                row(momentum, 0, 0.85), row(momentum, 50, 0.9), row(momentum, 100, 0.95), row(momentum, 1000, 0.95));
    }

    @ParameterizedTest(name = "{0} at {1} = {2}")
    @MethodSource("rescale")
    void rescale_mapsTheRangeOntoMinMax(Schedule schedule, long step, double expected) {
        check(schedule, step, expected);
    }

    @Test
    void rescale_keepsDurationAndPeriod_andHasRangeMinMax() {
        Schedule r = new Rescale(new Sgdr(1, 10, 1, 0), 0.85, 0.95);
        assertThat(r.period()).hasValue(10);
        assertThat(r.range()).isEqualTo(new Range(0.85, 0.95));
        assertThat(new Rescale(new Linear(0, 4, 4), 1, 3).duration()).hasValue(4);
    }

    @Test
    void rescale_ofACounteredCycle_neverLeavesMinMax() {
        // counter(x) = lo + hi − x rounds a hair below lo at some steps; mapped onto [0, 0.6] that would be -3e-17
        Schedule s = new Rescale(new Counter(new Cyclic(0.005, 0.05, 4, 4, Cyclic.Mode.TRIANGULAR, 1)), 0, 0.6);
        for (long t = 0; t < 64; t++) assertThat(s.at(t)).as("step %d", t).isBetween(0.0, 0.6);
        assertThat(s.at(0)).isEqualTo(0.6);
        assertThat(s.at(4)).isEqualTo(0.0);
    }

    // ---- duration, period, range ------------------------------------------------------------------------

    private static final Schedule LIN4 = new Linear(1, 3, 4);
    private static final Schedule COS4 = new Cosine(1, 4, 0);
    private static final Schedule SGDR4 = new Sgdr(1, 4, 1, 0);
    private static final Schedule TRI = new Cyclic(1, 3, 2, 2, Cyclic.Mode.TRIANGULAR, 1);

    private static Arguments steps(Schedule schedule, OptionalLong expected) {
        return Arguments.of(schedule, expected);
    }

    static Stream<Arguments> durations() {
        OptionalLong none = OptionalLong.empty();
        return Stream.of(
                steps(new Constant(1), none), steps(LIN4, OptionalLong.of(4)), steps(new Step(1, 3, 0.5), none),
                steps(new MultiStep(1, List.of(2L, 5L), 0.5), none), steps(new Exponential(1, 0.5), none),
                steps(new HalfLife(1, 2), none), steps(new InverseTime(1, 1, 1), none), steps(new InverseSqrt(1), none),
                steps(new PowerLaw(1, 1), none), steps(new Polynomial(1, 0, 7, 2), OptionalLong.of(7)),
                steps(COS4, OptionalLong.of(4)), steps(SGDR4, none), steps(new Sgdr(1, 4, 2, 0), none),
                steps(TRI, none), steps(OneCycle.of(1, 100), OptionalLong.of(100)),
                steps(new Wsd(2, 4, 3, 4, 0, Wsd.Shape.LINEAR), OptionalLong.of(11)),
                steps(new Wsd(2, 0, 0, 5, 0, Wsd.Shape.SQRT), OptionalLong.of(5)),
                steps(new Then(LIN4, COS4), OptionalLong.of(8)),
                steps(new Then(new Then(LIN4, COS4), new Polynomial(1, 0, 7, 2)), OptionalLong.of(15)),
                steps(new Then(LIN4, new Constant(1)), none),
                steps(new Warmup(4, COS4), OptionalLong.of(8)), steps(new Warmup(4, new Constant(1)), none),
                steps(new Scaled(2, COS4), OptionalLong.of(4)),
                steps(new Product(LIN4, new Cosine(1, 8, 0)), OptionalLong.of(8)),
                steps(new Product(LIN4, new Constant(2)), none),
                steps(new Shift(LIN4, 2), OptionalLong.of(2)), steps(new Shift(LIN4, -2), OptionalLong.of(6)),
                steps(new Shift(LIN4, 10), OptionalLong.of(0)),
                steps(new Counter(COS4), OptionalLong.of(4)), steps(new Clamp(COS4, 0.1, 0.9), OptionalLong.of(4)),
                steps(new Phase(SGDR4, 0.5), none));
    }

    @ParameterizedTest(name = "{0} lasts {1}")
    @MethodSource("durations")
    void duration_perFamily(Schedule schedule, OptionalLong expected) {
        assertThat(schedule.duration()).as("duration of %s", schedule).isEqualTo(expected);
    }

    static Stream<Arguments> periods() {
        OptionalLong none = OptionalLong.empty();
        return Stream.of(
                steps(new Constant(1), none), steps(LIN4, none), steps(COS4, none), steps(new Exponential(1, 0.5), none),
                steps(SGDR4, OptionalLong.of(4)), steps(new Sgdr(1, 4, 2, 0), none), steps(new Sgdr(1, 4, 3, 0), none),
                steps(TRI, OptionalLong.of(4)),
                steps(new Cyclic(2, 6, 1, 4, Cyclic.Mode.TRIANGULAR, 1), OptionalLong.of(5)),
                steps(new Cyclic(0, 8, 2, 2, Cyclic.Mode.TRIANGULAR2, 1), none),
                steps(new Cyclic(1, 3, 2, 2, Cyclic.Mode.EXP_RANGE, 0.5), none),
                steps(OneCycle.of(1, 100), none), steps(new Wsd(2, 4, 3, 4, 0, Wsd.Shape.LINEAR), none),
                steps(new Scaled(2, SGDR4), OptionalLong.of(4)), steps(new Counter(TRI), OptionalLong.of(4)),
                steps(new Clamp(TRI, 1.5, 2.5), OptionalLong.of(4)), steps(new Shift(SGDR4, 3), OptionalLong.of(4)),
                steps(new Phase(TRI, 0.5), OptionalLong.of(4)),
                steps(new Product(SGDR4, new Cyclic(0, 1, 3, 3, Cyclic.Mode.TRIANGULAR, 1)), OptionalLong.of(12)),
                steps(new Product(SGDR4, COS4), none),
                steps(new Then(LIN4, SGDR4), none), steps(new Warmup(4, SGDR4), none));
    }

    @ParameterizedTest(name = "{0} has period {1}")
    @MethodSource("periods")
    void period_perFamily(Schedule schedule, OptionalLong expected) {
        assertThat(schedule.period()).as("period of %s", schedule).isEqualTo(expected);
    }

    private static Arguments range(Schedule schedule, double min, double max) {
        return Arguments.of(schedule, new Range(min, max));
    }

    static Stream<Arguments> ranges() {
        double inf = Double.POSITIVE_INFINITY;
        return Stream.of(
                range(new Constant(0.5), 0.5, 0.5), range(LIN4, 1, 3), range(new Linear(2, 0, 8), 0, 2),
                range(new Step(1, 3, 0.5), 0, 1), range(new Step(1, 3, 1), 1, 1), range(new Step(-1, 3, 0.5), -1, 0),
                range(new Step(1, 3, 2), 1, inf),
                range(new MultiStep(1, List.of(2L, 5L, 5L, 9L), 0.5), 0.0625, 1),
                range(new MultiStep(1, List.of(2L), 3), 1, 3),
                range(new Exponential(2, 0.5), 0, 2), range(new Exponential(3, 1), 3, 3), range(new Exponential(1, 2), 1, inf),
                range(new Exponential(-1, 2), Double.NEGATIVE_INFINITY, -1),
                range(new HalfLife(8, 2), 0, 8), range(new InverseTime(6, 0.5, 1), 0, 6), range(new InverseTime(6, 0, 1), 6, 6),
                range(new InverseSqrt(2), 0, 2), range(new PowerLaw(3, 0.5), 0, 3), range(new PowerLaw(3, 0), 3, 3),
                range(new Polynomial(3, 1, 10, 1), 1, 3), range(new Cosine(3, 6, 1), 1, 3), range(new Cosine(0, 2, 1), 0, 1),
                range(SGDR4, 0, 1), range(new Sgdr(5, 2, 3, 1), 1, 5),
                range(TRI, 1, 3), range(new Cyclic(0, 8, 2, 2, Cyclic.Mode.TRIANGULAR2, 1), 0, 8),
                range(new Cyclic(1, 3, 2, 2, Cyclic.Mode.EXP_RANGE, 0.5), 1, 3),
                range(new OneCycle(10, 10, 0.4, 5, 2, OneCycle.Anneal.COS, false), 1, 10),
                range(new OneCycle(8, 20, 0.25, 4, 0.5, OneCycle.Anneal.LINEAR, true), 2, 8),
                range(new Wsd(2, 4, 3, 4, 0, Wsd.Shape.LINEAR), 0, 2), range(new Wsd(3, 2, 2, 6, 1, Wsd.Shape.COSINE), 0, 3),
                range(new Wsd(4, 0, 0, 4, 1, Wsd.Shape.LINEAR), 1, 4),
                range(new Then(LIN4, new Cosine(5, 4, 2)), 1, 5), range(new Warmup(4, new Cosine(2, 4, 1)), 0, 2),
                range(new Scaled(-2, COS4), -2, 0), range(new Scaled(3, LIN4), 3, 9),
                range(new Product(new Linear(0, 2, 4), new Step(1, 2, 0.5)), 0, 2),
                range(new Product(new Linear(-1, 2, 4), new Linear(-3, 1, 4)), -6, 3),
                range(new Shift(LIN4, -2), 1, 3), range(new Phase(TRI, 0.5), 1, 3), range(new Counter(TRI), 1, 3),
                range(new Clamp(LIN4, 1.5, 2.5), 1.5, 2.5), range(new Clamp(new Exponential(1, 2), 0, 4), 1, 4));
    }

    @ParameterizedTest(name = "{0} has range {1}")
    @MethodSource("ranges")
    void range_perFamily(Schedule schedule, Range expected) {
        // Compared with ==, so that −0.0 and 0.0 count as the same bound.
        Range actual = schedule.range();
        assertThat(actual.min() == expected.min() && actual.max() == expected.max())
                .withFailMessage("range of %s: expected %s, actual %s", schedule, expected, actual)
                .isTrue();
    }

    @Test
    void scaled_zeroFactorOnUnboundedSchedule_rangeIsZero() {
        // Every value of 0 * exponential(1, gamma=2) is 0; Range.times already counts 0·∞ as 0.
        Schedule zero = new Scaled(0, new Exponential(1, 2));
        assertThat(zero.at(10)).isEqualTo(0);
        Range range = zero.range();
        assertThat(range.min() == 0 && range.max() == 0).withFailMessage("range of %s: expected [0, 0], actual %s", zero, range).isTrue();
    }
}
