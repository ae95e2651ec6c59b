package dev.anneal.schedule;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;

/**
 * Every record's compact constructor rejects bad parameters with IllegalArgumentException and the message
 * {@code name (value) rule} (or the full rule for settings that conflict), and NaN fails every check on a double.
 */
class ValidationTest {

    private static final double NAN = Double.NaN, INF = Double.POSITIVE_INFINITY;
    private static final Cyclic.Mode TRI = Cyclic.Mode.TRIANGULAR;
    private static final Schedule COS = new Cosine(1, 4, 0);
    private static final Schedule CYCLIC = new Cyclic(0, 1, 2, 2, TRI, 1);

    private static Arguments rejects(String call, ThrowingCallable constructor, String message) {
        return Arguments.of(named(call, constructor), message);
    }

    static Stream<Arguments> badParameters() {
        return Stream.of(
                rejects("constant(∞)", () -> new Constant(INF), "value (Infinity) must be finite"),
                rejects("linear steps 0", () -> new Linear(0, 1, 0), "steps (0) must be > 0"),
                rejects("linear steps -3", () -> new Linear(0, 1, -3), "steps (-3) must be > 0"),
                rejects("linear end ∞", () -> new Linear(0, INF, 3), "end (Infinity) must be finite"),
                rejects("step every 0", () -> new Step(1, 0, 0.1), "every (0) must be > 0"),
                rejects("step gamma -0.5", () -> new Step(1, 3, -0.5), "gamma (-0.5) must be >= 0 and finite"),
                rejects("step gamma ∞", () -> new Step(1, 3, INF), "gamma (Infinity) must be >= 0 and finite"),
                rejects("multistep no milestones", () -> new MultiStep(1, List.of(), 0.1), "at ([]) must name at least one milestone"),
                rejects("multistep null milestones", () -> new MultiStep(1, null, 0.1), "at ([]) must name at least one milestone"),
                rejects("multistep decreasing", () -> new MultiStep(1, List.of(5L, 3L), 0.1), "at ([5, 3]) must be in non-decreasing order"),
                rejects("multistep negative first", () -> new MultiStep(1, List.of(-1L), 0.1), "at[0] (-1) must be >= 0"),
                rejects("multistep negative second", () -> new MultiStep(1, List.of(2L, -1L), 0.1), "at[1] (-1) must be >= 0"),
                rejects("multistep gamma -1", () -> new MultiStep(1, List.of(2L), -1), "gamma (-1) must be >= 0 and finite"),
                rejects("exponential gamma -1", () -> new Exponential(1, -1), "gamma (-1) must be >= 0 and finite"),
                rejects("half_life 0", () -> new HalfLife(1, 0), "half_life (0) must be > 0 and finite"),
                rejects("half_life -2", () -> new HalfLife(1, -2), "half_life (-2) must be > 0 and finite"),
                rejects("half_life ∞", () -> new HalfLife(1, INF), "half_life (Infinity) must be > 0 and finite"),
                rejects("inverse_time k -1", () -> new InverseTime(1, -1, 1), "k (-1) must be >= 0 and finite"),
                rejects("inverse_time power -0.5", () -> new InverseTime(1, 1, -0.5), "power (-0.5) must be >= 0 and finite"),
                rejects("inverse_sqrt -∞", () -> new InverseSqrt(Double.NEGATIVE_INFINITY), "value (-Infinity) must be finite"),
                rejects("power_law alpha -1", () -> new PowerLaw(1, -1), "alpha (-1) must be >= 0 and finite"),
                rejects("polynomial steps 0", () -> new Polynomial(1, 0, 0, 1), "steps (0) must be > 0"),
                rejects("polynomial power 0", () -> new Polynomial(1, 0, 10, 0), "power (0) must be > 0 and finite"),
                rejects("polynomial power -1", () -> new Polynomial(1, 0, 10, -1), "power (-1) must be > 0 and finite"),
                rejects("cosine steps -5", () -> new Cosine(0.1, -5, 0), "steps (-5) must be > 0"),
                rejects("cosine floor ∞", () -> new Cosine(0.1, 5, INF), "floor (Infinity) must be finite"),
                rejects("sgdr period 0", () -> new Sgdr(1, 0, 1, 0), "period (0) must be > 0"),
                rejects("sgdr mult 0", () -> new Sgdr(1, 10, 0, 0), "mult (0) must be >= 1"),
                rejects("sgdr mult -2", () -> new Sgdr(1, 10, -2, 0), "mult (-2) must be >= 1"),
                rejects("cyclic hi < lo", () -> new Cyclic(2, 1, 1, 1, TRI, 1), "hi (1) must be >= lo (2)"),
                rejects("cyclic hi < lo fractional", () -> new Cyclic(0.5, 0.25, 1, 1, TRI, 1), "hi (0.25) must be >= lo (0.5)"),
                rejects("cyclic up 0", () -> new Cyclic(0, 1, 0, 1, TRI, 1), "up (0) must be > 0"),
                rejects("cyclic down -1", () -> new Cyclic(0, 1, 1, -1, TRI, 1), "down (-1) must be > 0"),
                rejects("cyclic mode null", () -> new Cyclic(0, 1, 1, 1, null, 1), "mode (null) must be one of triangular, triangular2, exp_range"),
                rejects("cyclic gamma 0", () -> new Cyclic(0, 1, 1, 1, Cyclic.Mode.EXP_RANGE, 0), "gamma (0) must be in (0, 1]"),
                rejects("cyclic gamma 1.5", () -> new Cyclic(0, 1, 1, 1, Cyclic.Mode.EXP_RANGE, 1.5), "gamma (1.5) must be in (0, 1]"),
                rejects("onecycle steps 0", () -> new OneCycle(1, 0, 0.3, 25, 1e4, OneCycle.Anneal.COS, false), "steps (0) must be > 0"),
                rejects("onecycle pct_start 1.3", () -> new OneCycle(1, 100, 1.3, 25, 1e4, OneCycle.Anneal.COS, false), "pct_start (1.3) must be in [0, 1]"),
                rejects("onecycle pct_start -0.1", () -> new OneCycle(1, 100, -0.1, 25, 1e4, OneCycle.Anneal.COS, false), "pct_start (-0.1) must be in [0, 1]"),
                rejects("onecycle div 0", () -> new OneCycle(1, 100, 0.3, 0, 1e4, OneCycle.Anneal.COS, false), "div (0) must be > 0 and finite"),
                rejects("onecycle final_div -1", () -> new OneCycle(1, 100, 0.3, 25, -1, OneCycle.Anneal.COS, false), "final_div (-1) must be > 0 and finite"),
                rejects("onecycle anneal null", () -> new OneCycle(1, 100, 0.3, 25, 1e4, null, false), "anneal (null) must be one of cos, linear"),
                rejects("onecycle rising phase of one step", () -> new OneCycle(1, 4, 0.25, 25, 1e4, OneCycle.Anneal.COS, false),
                        "pct_start·steps (1) must be > 1: the rising phase needs at least one step"),
                rejects("onecycle pct_start 0", () -> new OneCycle(1, 100, 0, 25, 1e4, OneCycle.Anneal.COS, false),
                        "pct_start·steps (0) must be > 1: the rising phase needs at least one step"),
                rejects("onecycle pct_start 1", () -> new OneCycle(1, 10, 1, 25, 1e4, OneCycle.Anneal.COS, false),
                        "pct_start (1) leaves no steps for the final phase (steps 10): needs pct_start < 1"),
                rejects("onecycle three_phase pct_start 0.6", () -> new OneCycle(1, 10, 0.6, 25, 1e4, OneCycle.Anneal.COS, true),
                        "pct_start (0.6) leaves no steps for the final phase (steps 10, three_phase): needs pct_start·steps < (steps + 1)/2"),
                rejects("wsd warmup -1", () -> new Wsd(1, -1, 10, 10, 0, Wsd.Shape.LINEAR), "warmup (-1) must be >= 0"),
                rejects("wsd stable -1", () -> new Wsd(1, 10, -1, 10, 0, Wsd.Shape.LINEAR), "stable (-1) must be >= 0"),
                rejects("wsd decay 0", () -> new Wsd(1, 10, 10, 0, 0, Wsd.Shape.LINEAR), "decay (0) must be > 0"),
                rejects("wsd shape null", () -> new Wsd(1, 10, 10, 10, 0, null), "shape (null) must be one of linear, cosine, sqrt"),
                rejects("then null", () -> new Then(null, COS), "then needs two schedules"),
                rejects("then after a schedule that never ends", () -> new Then(new Constant(1), COS),
                        "then: the first schedule (constant(1)) never ends; only a schedule with a finite duration can be followed"),
                rejects("warmup steps 0", () -> new Warmup(0, COS), "steps (0) must be > 0"),
                rejects("warmup null target", () -> new Warmup(5, null), "warmup needs a target schedule"),
                rejects("scaled factor ∞", () -> new Scaled(INF, COS), "factor (Infinity) must be finite"),
                rejects("scaled null", () -> new Scaled(2, null), "a scaled schedule needs a schedule"),
                rejects("product null", () -> new Product(COS, null), "a product needs two schedules"),
                rejects("shift null", () -> new Shift(null, 3), "shift needs a schedule"),
                rejects("phase fraction 1", () -> new Phase(CYCLIC, 1), "fraction (1) must be in [0, 1)"),
                rejects("phase fraction -0.25", () -> new Phase(CYCLIC, -0.25), "fraction (-0.25) must be in [0, 1)"),
                rejects("phase of a cosine", () -> new Phase(COS, 0.5), "phase: the schedule (cosine(1, steps=4)) is not periodic"),
                rejects("phase of sgdr mult 2", () -> new Phase(new Sgdr(1, 4, 2, 0), 0.5),
                        "phase: the schedule (sgdr(1, period=4, mult=2)) is not periodic"),
                rejects("phase null", () -> new Phase(null, 0.5), "phase needs a schedule"),
                rejects("counter null", () -> new Counter(null), "counter needs a schedule"),
                rejects("counter of exponential growth", () -> new Counter(new Exponential(1, 2)),
                        "counter: the schedule (exponential(1, gamma=2)) is unbounded (range [1.0, Infinity]); "
                                + "counter needs a periodic or bounded schedule"),
                rejects("clamp min > max", () -> new Clamp(COS, 2, 1), "max (1) must be >= min (2)"),
                rejects("clamp null", () -> new Clamp(null, 0, 1), "clamp needs a schedule"),
                rejects("clamp no bound", () -> new Clamp(COS, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY), "clamp needs min, max or both"),
                rejects("rescale null", () -> new Rescale(null, 0, 1), "rescale needs a schedule"),
                rejects("rescale min > max", () -> new Rescale(COS, 2, 1), "min (2) must be <= max (1)"),
                rejects("rescale of a constant", () -> new Rescale(new Constant(0.1), 0.85, 0.95),
                        "rescale: the schedule (constant(0.1)) has range [0.1, 0.1]; rescale needs a bounded range with min < max"),
                rejects("rescale of exponential growth", () -> new Rescale(new Exponential(1, 2), 0, 1),
                        "rescale: the schedule (exponential(1, gamma=2)) has range [1.0, Infinity]; rescale needs a bounded range with min < max"),
                rejects("custom blank name", () -> new Custom(" ", t -> 1), "name ( ) must not be blank"),
                rejects("custom null name", () -> new Custom(null, t -> 1), "name (null) must not be blank"),
                rejects("custom null function", () -> new Custom("f", null), "function must not be null"),
                rejects("range min > max", () -> new Range(2, 1), "range [2.0, 1.0] must have min <= max"),
                rejects("range NaN", () -> new Range(NAN, 1), "range [NaN, 1.0] must have min <= max"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badParameters")
    void constructor_badParameter_rejectedWithExactMessage(ThrowingCallable constructor, String message) {
        assertThatThrownBy(constructor).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    private static Arguments nan(String call, String parameter, ThrowingCallable constructor, String message) {
        return Arguments.of(named(call, constructor), parameter, message);
    }

    static Stream<Arguments> nanParameters() {
        List<Arguments> rows = new ArrayList<>(List.of(
                nan("constant", "value", () -> new Constant(NAN), "value (NaN) must be finite"),
                nan("linear", "start", () -> new Linear(NAN, 1, 3), "start (NaN) must be finite"),
                nan("linear", "end", () -> new Linear(0, NAN, 3), "end (NaN) must be finite"),
                nan("step", "value", () -> new Step(NAN, 3, 0.5), "value (NaN) must be finite"),
                nan("step", "gamma", () -> new Step(1, 3, NAN), "gamma (NaN) must be >= 0 and finite"),
                nan("multistep", "value", () -> new MultiStep(NAN, List.of(2L), 0.5), "value (NaN) must be finite"),
                nan("multistep", "gamma", () -> new MultiStep(1, List.of(2L), NAN), "gamma (NaN) must be >= 0 and finite"),
                nan("exponential", "value", () -> new Exponential(NAN, 0.5), "value (NaN) must be finite"),
                nan("exponential", "gamma", () -> new Exponential(1, NAN), "gamma (NaN) must be >= 0 and finite"),
                nan("exponential half_life", "value", () -> new HalfLife(NAN, 2), "value (NaN) must be finite"),
                nan("exponential half_life", "half_life", () -> new HalfLife(1, NAN), "half_life (NaN) must be > 0 and finite"),
                nan("inverse_time", "value", () -> new InverseTime(NAN, 1, 1), "value (NaN) must be finite"),
                nan("inverse_time", "k", () -> new InverseTime(1, NAN, 1), "k (NaN) must be >= 0 and finite"),
                nan("inverse_time", "power", () -> new InverseTime(1, 1, NAN), "power (NaN) must be >= 0 and finite"),
                nan("inverse_sqrt", "value", () -> new InverseSqrt(NAN), "value (NaN) must be finite"),
                nan("power_law", "value", () -> new PowerLaw(NAN, 1), "value (NaN) must be finite"),
                nan("power_law", "alpha", () -> new PowerLaw(1, NAN), "alpha (NaN) must be >= 0 and finite"),
                nan("polynomial", "value", () -> new Polynomial(NAN, 0, 10, 1), "value (NaN) must be finite"),
                nan("polynomial", "end", () -> new Polynomial(1, NAN, 10, 1), "end (NaN) must be finite"),
                nan("polynomial", "power", () -> new Polynomial(1, 0, 10, NAN), "power (NaN) must be > 0 and finite"),
                nan("cosine", "value", () -> new Cosine(NAN, 10, 0), "value (NaN) must be finite"),
                nan("cosine", "floor", () -> new Cosine(1, 10, NAN), "floor (NaN) must be finite"),
                nan("sgdr", "value", () -> new Sgdr(NAN, 10, 1, 0), "value (NaN) must be finite"),
                nan("sgdr", "floor", () -> new Sgdr(1, 10, 1, NAN), "floor (NaN) must be finite"),
                nan("cyclic", "lo", () -> new Cyclic(NAN, 1, 1, 1, TRI, 1), "lo (NaN) must be finite"),
                nan("cyclic", "hi", () -> new Cyclic(0, NAN, 1, 1, TRI, 1), "hi (NaN) must be finite"),
                nan("cyclic", "gamma", () -> new Cyclic(0, 1, 1, 1, Cyclic.Mode.EXP_RANGE, NAN), "gamma (NaN) must be in (0, 1]"),
                nan("onecycle", "peak", () -> new OneCycle(NAN, 100, 0.3, 25, 1e4, OneCycle.Anneal.COS, false), "peak (NaN) must be finite"),
                nan("onecycle", "pct_start", () -> new OneCycle(1, 100, NAN, 25, 1e4, OneCycle.Anneal.COS, false), "pct_start (NaN) must be in [0, 1]"),
                nan("onecycle", "div", () -> new OneCycle(1, 100, 0.3, NAN, 1e4, OneCycle.Anneal.COS, false), "div (NaN) must be > 0 and finite"),
                nan("onecycle", "final_div", () -> new OneCycle(1, 100, 0.3, 25, NAN, OneCycle.Anneal.COS, false), "final_div (NaN) must be > 0 and finite"),
                nan("wsd", "peak", () -> new Wsd(NAN, 1, 1, 1, 0, Wsd.Shape.LINEAR), "peak (NaN) must be finite"),
                nan("wsd", "floor", () -> new Wsd(1, 1, 1, 1, NAN, Wsd.Shape.LINEAR), "floor (NaN) must be finite"),
                nan("scaled", "factor", () -> new Scaled(NAN, COS), "factor (NaN) must be finite"),
                nan("phase", "fraction", () -> new Phase(CYCLIC, NAN), "fraction (NaN) must be in [0, 1)"),
                nan("clamp", "min", () -> new Clamp(COS, NAN, 1), "min (NaN) must be a number"),
                nan("clamp", "max", () -> new Clamp(COS, 0, NAN), "max (NaN) must be a number"),
                nan("rescale", "min", () -> new Rescale(COS, NAN, 1), "min (NaN) must be finite"),
                nan("rescale", "max", () -> new Rescale(COS, 0, NAN), "max (NaN) must be finite")));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} {1} = NaN")
    @MethodSource("nanParameters")
    void constructor_nan_rejectedNamingTheParameter(ThrowingCallable constructor, String parameter, String message) {
        assertThatThrownBy(constructor)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(parameter + " (NaN) ")
                .hasMessage(message);
    }

    private static Arguments accepts(String call, Supplier<Schedule> constructor) {
        return Arguments.of(named(call, constructor));
    }

    static Stream<Arguments> boundaryValues() {
        return Stream.of(
                accepts("linear start == end", () -> new Linear(1, 1, 1)),
                accepts("step gamma 0", () -> new Step(1, 1, 0)),
                accepts("step gamma above 1", () -> new Step(1, 1, 2)),
                accepts("multistep milestone 0, repeated", () -> new MultiStep(1, List.of(0L, 0L, 5L), 0.5)),
                accepts("exponential gamma 0", () -> new Exponential(1, 0)),
                accepts("exponential gamma 1", () -> new Exponential(1, 1)),
                accepts("half_life tiny", () -> new HalfLife(1, Double.MIN_VALUE)),
                accepts("inverse_time k 0 power 0", () -> new InverseTime(1, 0, 0)),
                accepts("power_law alpha 0", () -> new PowerLaw(1, 0)),
                accepts("polynomial steps 1", () -> new Polynomial(1, 0, 1, 1)),
                accepts("cosine steps 1, floor above value", () -> new Cosine(0, 1, 1)),
                accepts("sgdr mult 1 period 1", () -> new Sgdr(1, 1, 1, 0)),
                accepts("cyclic lo == hi, gamma 1", () -> new Cyclic(1, 1, 1, 1, Cyclic.Mode.EXP_RANGE, 1)),
                accepts("onecycle just over one rising step", () -> new OneCycle(1, 10, 0.21, 25, 1e4, OneCycle.Anneal.COS, false)),
                accepts("onecycle three_phase at the limit", () -> new OneCycle(1, 10, 0.5, 25, 1e4, OneCycle.Anneal.LINEAR, true)),
                accepts("wsd warmup 0 stable 0", () -> new Wsd(1, 0, 0, 1, 0, Wsd.Shape.SQRT)),
                accepts("warmup steps 1", () -> new Warmup(1, COS)),
                accepts("scaled factor 0", () -> new Scaled(0, COS)),
                accepts("shift by Long.MIN_VALUE", () -> new Shift(COS, Long.MIN_VALUE)),
                accepts("phase fraction 0", () -> new Phase(CYCLIC, 0)),
                accepts("counter of decay", () -> new Counter(new Exponential(1, 1))),
                accepts("clamp min == max", () -> new Clamp(COS, 0.5, 0.5)),
                accepts("clamp one bound infinite", () -> new Clamp(COS, Double.NEGATIVE_INFINITY, 0.5)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boundaryValues")
    void constructor_boundaryValues_accepted(Supplier<Schedule> constructor) {
        assertThatCode(constructor::get).doesNotThrowAnyException();
    }
}
