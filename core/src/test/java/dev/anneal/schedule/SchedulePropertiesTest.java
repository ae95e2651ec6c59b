package dev.anneal.schedule;

import dev.anneal.spec.Spec;
import org.assertj.core.api.SoftAssertions;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Properties of arbitrary valid schedules: every native family with finite, decaying or bounded parameters
 * (gamma in [0, 1]), and nested compositions of them up to three levels deep.
 */
class SchedulePropertiesTest {

    /** Relative tolerance for comparisons that involve rounding (joins, slopes); most properties compare exactly. */
    private static final double TOLERANCE = 1e-12;

    /**
     * How much CPU time one evaluation at a giant step may take; a closed form answers in microseconds. CPU time of
     * the evaluating thread, not the clock, so that a loaded machine slows the test without failing it.
     */
    private static final Duration GIANT_STEP_LIMIT = Duration.ofSeconds(2);

    private static final long[] GIANT_STEPS = {10_000_000_000L, 1_000_000_000_000L, Long.MAX_VALUE};

    private static final int DEPTH = 3;

    // ---- (a) call-order independence -------------------------------------------------------------------

    @Property
    void evaluationOrder_forwardBackwardShuffled_identicalValues(@ForAll("schedules") Schedule s,
                                                                @ForAll("mixedSteps") List<Long> steps,
                                                                @ForAll Random random) {
        int n = steps.size();
        double[] forward = new double[n], backward = new double[n], shuffled = new double[n];
        for (int i = 0; i < n; i++) forward[i] = s.at(steps.get(i));
        for (int i = n - 1; i >= 0; i--) backward[i] = s.at(steps.get(i));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) order.add(i);
        Collections.shuffle(order, random);
        for (int i : order) shuffled[i] = s.at(steps.get(i));
        for (int i = 0; i < n; i++) {
            long step = steps.get(i);
            assertThat(backward[i]).as("%s at step %d backward: expected %s, actual %s", s, step, forward[i], backward[i])
                    .isEqualTo(forward[i]);
            assertThat(shuffled[i]).as("%s at step %d shuffled: expected %s, actual %s", s, step, forward[i], shuffled[i])
                    .isEqualTo(forward[i]);
        }
    }

    @Property
    void negativeStep_anySchedule_readsStepZero(@ForAll("schedules") Schedule s,
                                                @ForAll @LongRange(min = Long.MIN_VALUE, max = -1) long step) {
        assertThat(s.at(step)).as("%s at step %d: expected step 0's %s", s, step, s.at(0)).isEqualTo(s.at(0));
    }

    @Example
    void negativeStep_thenAfterFirstOfZeroDuration_readsStepZero() {
        // shift(linear(0, 1, steps=4), 4) has ended before step 0 (duration 0): the join is next from step 0 on.
        Schedule s = new Then(new Shift(new Linear(0, 1, 4), 4), new Constant(0.5));
        assertThat(s.at(0)).as("%s at step 0", s).isEqualTo(0.5);
        assertThat(s.at(-1)).as("%s at step -1: expected step 0's 0.5", s).isEqualTo(0.5);
    }

    // ---- (b) then: the next schedule sees relative time ------------------------------------------------

    @Property
    void then_anyFiniteFirst_nextSeesRelativeStep(@ForAll("finiteSchedules") Schedule first,
                                                  @ForAll("schedules") Schedule next,
                                                  @ForAll @LongRange(max = 1_000_000) long k) {
        long d = first.duration().orElseThrow();
        Schedule joined = new Then(first, next);
        assertThat(joined.at(d + k)).as("(%s) at D + %d = %d: expected next at %d = %s", joined, k, d + k, k, next.at(k))
                .isEqualTo(next.at(k));
        long before = d - 1 - Math.min(k, d - 1);
        if (d > 0) {
            assertThat(joined.at(before)).as("(%s) at %d, before D = %d: expected first's %s", joined, before, d, first.at(before))
                    .isEqualTo(first.at(before));
        }
        assertThat(joined.duration()).as("duration of %s", joined)
                .isEqualTo(next.duration().isPresent() ? OptionalLong.of(d + next.duration().getAsLong())
                        : OptionalLong.empty());
    }

    @Property
    void duration_finiteSchedule_holdsFinalValueAfterwards(@ForAll("finiteSchedules") Schedule s,
                                                           @ForAll @LongRange(max = 1_000_000) long k) {
        long d = s.duration().orElseThrow();
        assertThat(s.at(d + k)).as("%s at D + %d = %d: expected the final value %s", s, k, d + k, s.at(d))
                .isEqualTo(s.at(d));
    }

    // ---- (c) continuity where the two sides of a join meet ------------------------------------------------

    @Property
    void join_linearRampThenCosine_jumpBoundedBySlope(@ForAll @DoubleRange(min = -100, max = 100) double v,
                                                      @ForAll @LongRange(min = 1, max = 100_000) long w,
                                                      @ForAll @LongRange(min = 1, max = 100_000) long steps,
                                                      @ForAll @DoubleRange(min = -100, max = 100) double floor) {
        Schedule s = new Then(new Linear(0, v, w), new Cosine(v, steps, floor));
        double eps = TOLERANCE * Math.max(1, Math.max(Math.abs(v), Math.abs(floor)));
        assertClose(s, w, v, eps);
        double rampSlope = Math.abs(v) / w, cosineSlope = Math.PI * Math.abs(v - floor) / (2.0 * steps);
        assertJumpAtMost(s, w - 1, rampSlope + eps);
        assertJumpAtMost(s, w, cosineSlope + eps);
    }

    @Property
    void join_finiteThenCosineFromItsFinalValue_jumpIsFirstSchedulesOwnLastStep(
            @ForAll("finiteSchedules") Schedule first,
            @ForAll @LongRange(min = 1, max = 100_000) long steps,
            @ForAll @DoubleRange(min = -100, max = 100) double floor) {
        long d = first.duration().orElseThrow();
        Assume.that(d >= 1);
        double last = first.at(d);
        Schedule s = new Then(first, new Cosine(last, steps, floor));
        double eps = TOLERANCE * Math.max(1, Math.max(Math.abs(last), Math.abs(floor)));
        assertClose(s, d, last, eps);
        assertJumpAtMost(s, d - 1, Math.abs(first.at(d) - first.at(d - 1)) + eps);
    }

    @Property
    void warmup_atRampEnd_equalsTargetAtZero(@ForAll("schedules") Schedule target,
                                             @ForAll @LongRange(min = 1, max = 100_000) long w,
                                             @ForAll @LongRange(max = 1_000_000) long k) {
        Schedule s = new Warmup(w, target);
        double b0 = target.at(0);
        assertThat(s.at(0)).as("%s at step 0: expected 0", s).isZero();
        assertThat(s.at(w)).as("%s at step %d: expected target(0) = %s", s, w, b0).isEqualTo(b0);
        assertThat(s.at(w + k)).as("%s at step %d: expected target(%d) = %s", s, w + k, k, target.at(k)).isEqualTo(target.at(k));
        assertJumpAtMost(s, w - 1, Math.abs(b0) / w + TOLERANCE * Math.max(1, Math.abs(b0)));
    }

    @Property
    void wsd_phaseBoundaries_meet(@ForAll("wsds") Schedule schedule) {
        Wsd s = (Wsd) schedule;
        long decayStart = s.warmup() + s.stable(), end = decayStart + s.decay();
        double eps = TOLERANCE * Math.max(1, Math.max(Math.abs(s.peak()), Math.abs(s.floor())));
        // The stable phase returns peak itself; the decay formula at p = 0 may round it.
        if (s.stable() > 0) assertThat(s.at(s.warmup())).as("%s at the end of warmup %d", s, s.warmup()).isEqualTo(s.peak());
        assertClose(s, s.warmup(), s.peak(), eps);
        assertClose(s, decayStart, s.peak(), eps);
        assertClose(s, end, s.floor(), eps);
        if (s.warmup() > 0) assertJumpAtMost(s, s.warmup() - 1, Math.abs(s.peak()) / s.warmup() + eps);
    }

    // ---- (d) giant steps ------------------------------------------------------------------------------------

    @Property(shrinking = ShrinkingMode.OFF)
    void giantSteps_anySchedule_finite(@ForAll("schedules") Schedule s) {
        for (long step : GIANT_STEPS) {
            double value = atWithin(s, step);
            assertThat(Double.isFinite(value)).withFailMessage("%s at step %d: expected a finite value, actual %s", s, step, value)
                    .isTrue();
        }
    }

    /** One schedule of each family, so that a failure of one family cannot hide the others (sgdr mult > 1: below). */
    @Example
    void giantSteps_everyFamily_finite() {
        Schedule cos = new Cosine(0.1, 1000, 0.001), tri = new Cyclic(0.001, 0.1, 200, 300, Cyclic.Mode.TRIANGULAR, 1);
        List<Schedule> schedules = List.of(
                new Constant(0.1), new Linear(0, 0.1, 1000), new Step(0.1, 30, 0.1), new Step(0.1, 30, 1),
                new MultiStep(0.1, List.of(30L, 80L), 0.1), new Exponential(0.1, 0.99), new Exponential(0.1, 0),
                new Exponential(0.1, 1), new HalfLife(0.1, 1000), new HalfLife(0.1, 1e-3), new InverseTime(0.1, 0.01, 1),
                new InverseTime(0.1, 10, 0.5), new InverseSqrt(0.1), new PowerLaw(0.1, 0.5), new PowerLaw(0.1, 3),
                new Polynomial(0.1, 0.001, 1000, 2), cos, new Sgdr(0.1, 100, 1, 0.001), tri,
                new Cyclic(0.001, 0.1, 200, 300, Cyclic.Mode.TRIANGULAR2, 1), new Cyclic(0.001, 0.1, 200, 300, Cyclic.Mode.EXP_RANGE, 0.999),
                OneCycle.of(0.1, 1000), new OneCycle(0.1, 1000, 0.25, 10, 100, OneCycle.Anneal.LINEAR, true),
                new Wsd(0.1, 100, 800, 100, 0.001, Wsd.Shape.LINEAR), new Wsd(0.1, 0, 800, 100, 0, Wsd.Shape.COSINE),
                new Wsd(0.1, 100, 0, 100, 0, Wsd.Shape.SQRT),
                new Then(new Linear(0, 0.1, 100), cos), new Then(cos, tri), new Warmup(100, cos), new Warmup(100, tri),
                new Scaled(-3, cos), new Product(cos, tri), new Shift(tri, 1000), new Shift(cos, -1000),
                new Shift(tri, Long.MAX_VALUE), new Phase(tri, 0.5), new Counter(tri), new Counter(cos),
                new Clamp(new Exponential(0.1, 0.99), 0.001, Double.POSITIVE_INFINITY));
        SoftAssertions softly = new SoftAssertions();
        for (Schedule s : schedules) {
            for (long step : GIANT_STEPS) {
                double value = atWithin(s, step);
                softly.assertThat(Double.isFinite(value))
                        .withFailMessage("%s at step %d: expected a finite value, actual %s", s, step, value).isTrue();
            }
        }
        softly.assertAll();
    }

    @Example
    void giantSteps_sgdrWithGrowingCyclesAtLongMax_returns() {
        for (long mult = 2; mult <= 3; mult++) {
            Schedule s = new Sgdr(1, 10, mult, 0);
            double value = atWithin(s, Long.MAX_VALUE);
            assertThat(value).as("%s at Long.MAX_VALUE", s).isBetween(0.0, 1.0);
        }
    }

    // ---- (e) values lie within range() -------------------------------------------------------------------

    /** Allows rounding of 1e-12 of the range's scale; the example below holds the native families to the exact bounds. */
    @Property
    void range_anySchedule_containsEveryValue(@ForAll("schedules") Schedule s, @ForAll("steps") List<Long> steps) {
        Range r = s.range();
        double slack = TOLERANCE * scale(r);
        for (long step : steps) {
            double value = s.at(step);
            assertThat(value >= r.min() - slack && value <= r.max() + slack)
                    .withFailMessage("%s at step %d: expected a value in %s, actual %s", s, step, r, value).isTrue();
        }
    }

    @Example
    void range_cosineRisingToFloor_containsValueAtStepZeroExactly() {
        // floor + (value − floor)·1 rounds to 9.999999999999997E-7 here, below value = 1e-6 = range().min().
        Schedule s = new Cosine(1e-6, 1, 3e-6);
        assertThat(s.at(0)).as("%s at step 0 (range %s)", s, s.range()).isBetween(s.range().min(), s.range().max());
        assertThat(s.at(0)).as("%s at step 0", s).isEqualTo(1e-6);
    }

    /**
     * Where a family starts, restarts, peaks or ends it returns that end value itself. The pairs 1e-6, 3e-6 and
     * 0.3, 0.9 are ones where a + (b − a) rounds to an ulp beyond b, outside the range.
     */
    @Example
    void range_familiesAtTheirEnds_returnTheEndValueExactly() {
        double a = 1e-6, b = 3e-6;
        List<Tuple.Tuple3<Schedule, Long, Double>> ends = List.of(
                Tuple.of(new Cosine(a, 4, b), 0L, a), Tuple.of(new Cosine(b, 4, a), 4L, a),
                Tuple.of(new Sgdr(a, 1, 1, b), 0L, a), Tuple.of(new Sgdr(a, 1, 1, b), 7L, a),
                Tuple.of(new Sgdr(a, 2, 2, b), 2L, a), Tuple.of(new Sgdr(a, 2, 2, b), 6L, a),
                Tuple.of(new Sgdr(a, 1, 3, b), 4L, a), Tuple.of(new Sgdr(a, 1, 3, b), 13L, a),
                Tuple.of(new Wsd(a, 0, 0, 4, b, Wsd.Shape.COSINE), 0L, a), Tuple.of(new Wsd(a, 0, 0, 4, b, Wsd.Shape.SQRT), 0L, a),
                Tuple.of(new Wsd(b, 0, 0, 1, a, Wsd.Shape.LINEAR), 1L, a), Tuple.of(new Linear(b, a, 1), 1L, a),
                Tuple.of(new Polynomial(a, b, 4, 1), 0L, a),
                Tuple.of(new Cyclic(0.3, 0.9, 1, 1, Cyclic.Mode.TRIANGULAR, 1), 1L, 0.9));
        SoftAssertions softly = new SoftAssertions();
        for (var end : ends) {
            Schedule s = end.get1();
            double actual = s.at(end.get2());
            softly.assertThat(actual).as("%s at step %d (range %s)", s, end.get2(), s.range()).isEqualTo(end.get3())
                    .isBetween(s.range().min(), s.range().max());
        }
        softly.assertAll();
    }

    // ---- (f) parse(print(s)) round trip --------------------------------------------------------------------

    @Property
    void printParse_anySchedule_equalWithSameValues(@ForAll("schedules") Schedule s, @ForAll("steps") List<Long> steps) {
        String text = Spec.print(s);
        Schedule back = Spec.parse(text);
        assertThat(back).as("parse(print(s)) for %s", text).isEqualTo(s);
        for (long step : steps) {
            assertThat(back.at(step)).as("%s parsed back, at step %d: expected %s", text, step, s.at(step)).isEqualTo(s.at(step));
        }
    }

    @Example
    void printParse_stepsAbove2pow53_roundTrip() {
        Schedule s = new Linear(0, 1, (1L << 53) + 1);
        assertThat(Spec.parse(Spec.print(s))).as("parse(print(s)) for %s", Spec.print(s)).isEqualTo(s);
    }

    /** A clamp without bounds would print as clamp(A), which the language rejects: the record rejects it too. */
    @Example
    void printParse_clampWithBothBoundsInfinite_rejectedAtConstruction() {
        assertThatThrownBy(() -> new Clamp(new Cosine(1, 4, 0), Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("clamp needs min, max or both");
        assertThatThrownBy(() -> Spec.parse("clamp(cosine(1, steps=4))"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("clamp needs min, max or both");
    }

    @Example
    void printParse_clampWithOneBound_roundTrip() {
        for (Schedule s : List.of(new Clamp(new Cosine(1, 4, 0), 0.25, Double.POSITIVE_INFINITY),
                new Clamp(new Cosine(1, 4, 0), Double.NEGATIVE_INFINITY, 0.75))) {
            assertThat(Spec.parse(Spec.print(s))).as("parse(print(s)) for %s", Spec.print(s)).isEqualTo(s);
        }
    }

    // ---- (g) periodic schedules repeat ---------------------------------------------------------------------

    /** Exact: every periodic family splits the cycle off in integers, and the transforms are pointwise. */
    @Property
    void period_anyPeriodicSchedule_repeatsAfterOnePeriod(@ForAll("periodicSchedules") Schedule s,
                                                          @ForAll("steps") List<Long> steps) {
        assertRepeats(s, steps);
    }

    /** Over sgdr only, and shifts that advance: the transforms keep the period exactly. */
    @Property
    void period_sgdrCompositionsWithoutDelay_repeatsAfterOnePeriod(@ForAll("sgdrPeriodicSchedules") Schedule s,
                                                                   @ForAll("steps") List<Long> steps) {
        assertRepeats(s, steps);
    }

    /** PyTorch's 1 + t/3 − ⌊1 + t/3⌋ gives 0.33333333333333326 at t = 1 but 0.33333333333333304 at t = 4. */
    @Example
    void period_cyclicTriangular_repeatsExactly() {
        Schedule s = new Cyclic(0, 1, 1, 2, Cyclic.Mode.TRIANGULAR, 1);
        assertRepeats(s, List.of(0L, 1L, 2L, 3L, 4L, 5L, 100L, 1_000_000_000_001L));
    }

    /** shift(A, −1) holds A(0) at step 0 but reads A(3) at step 4 = 0 + period: a delay ends periodicity. */
    @Example
    void period_delayedPeriodicSchedule_isNotPeriodic() {
        Schedule cyclic = new Cyclic(0, 4, 2, 2, Cyclic.Mode.TRIANGULAR, 1), delayed = new Shift(cyclic, -1);
        assertThat(delayed.period()).as("period of %s", delayed).isEmpty();
        assertThat(delayed.at(0)).as("%s at 0", delayed).isEqualTo(0);
        assertThat(delayed.at(4)).as("%s at 4", delayed).isEqualTo(2);
        // From the end of the delay on, it is the original wave one step late.
        for (long t = 1; t < 12; t++) assertThat(delayed.at(t)).as("%s at %d", delayed, t).isEqualTo(cyclic.at(t - 1));
    }

    /** shift(A, k) for k ≥ 0 starts A k steps in: the same period, and A's values k steps ahead. */
    @Example
    void period_periodicScheduleShiftedAhead_repeatsAfterOnePeriod() {
        Schedule cyclic = new Cyclic(0, 4, 2, 2, Cyclic.Mode.TRIANGULAR, 1);
        for (long k = 0; k <= 5; k++) {
            Schedule ahead = new Shift(cyclic, k);
            assertThat(ahead.period()).as("period of %s", ahead).hasValue(4);
            assertRepeats(ahead, List.of(0L, 1L, 2L, 3L, 17L));
            assertThat(ahead.at(0)).as("%s at 0", ahead).isEqualTo(cyclic.at(k));
        }
    }

    private static void assertRepeats(Schedule s, List<Long> steps) {
        // A product's period is the lcm of its factors'; past 2^63 it is not representable and period() is empty.
        Assume.that(s.period().isPresent() && s.period().getAsLong() < Long.MAX_VALUE / 2);
        long p = s.period().getAsLong();
        for (long t : steps) {
            assertThat(s.at(t + p)).as("%s (period %d) at %d + period: expected at(%d) = %s", s, p, t, t, s.at(t))
                    .isEqualTo(s.at(t));
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    /** The larger magnitude of a bounded range's ends. */
    private static double scale(Range r) {
        return Math.max(Math.abs(r.min()), Math.abs(r.max()));
    }

    private static void assertClose(Schedule s, long step, double expected, double eps) {
        double actual = s.at(step);
        assertThat(Math.abs(actual - expected) <= eps)
                .withFailMessage("%s at step %d: expected %s, actual %s", s, step, expected, actual).isTrue();
    }

    /** |s(step + 1) − s(step)| ≤ bound. */
    private static void assertJumpAtMost(Schedule s, long step, double bound) {
        double a = s.at(step), b = s.at(step + 1);
        assertThat(Math.abs(b - a) <= bound)
                .withFailMessage("%s: jump from step %d (%s) to %d (%s) is %s, more than %s", s, step, a, step + 1, b,
                        Math.abs(b - a), bound)
                .isTrue();
    }

    private static final ExecutorService EVALUATOR = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "giant-step-evaluation");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * s.at(step), failing the test once the evaluating thread has spent {@link #GIANT_STEP_LIMIT} of CPU time on it (a
     * non-terminating loop stays behind, daemon). Where the JVM cannot read a thread's CPU time, the clock stands in.
     */
    private static double atWithin(Schedule s, long step) {
        AtomicLong thread = new AtomicLong(-1), cpuAtStart = new AtomicLong(-1);
        Future<Double> value = EVALUATOR.submit(() -> {
            long self = Thread.currentThread().threadId();
            cpuAtStart.set(cpuTime(self));
            thread.set(self);
            return s.at(step);
        });
        long wallStart = System.nanoTime();
        try {
            while (true) {
                try {
                    return value.get(50, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    long cpu = thread.get() < 0 ? -1 : cpuTime(thread.get());
                    long used = cpu >= 0 && cpuAtStart.get() >= 0 ? cpu - cpuAtStart.get() : System.nanoTime() - wallStart;
                    if (used > GIANT_STEP_LIMIT.toNanos()) {
                        value.cancel(true);
                        throw new AssertionError(s + " at step " + step + " did not return within " + GIANT_STEP_LIMIT
                                + (cpu >= 0 ? " of CPU time" : ""));
                    }
                }
            }
        } catch (ExecutionException e) {
            throw new AssertionError(s + " at step " + step + " threw " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** ThreadMXBean, read through reflection: the tests compile inside the core module, which does not read java.management. */
    private static final Object THREADS;
    private static final Method CPU_TIME;

    static {
        Object threads = null;
        Method cpuTime = null;
        try {
            threads = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
            cpuTime = Class.forName("java.lang.management.ThreadMXBean").getMethod("getThreadCpuTime", long.class);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            threads = null;
        }
        THREADS = threads;
        CPU_TIME = threads == null ? null : cpuTime;
    }

    /** The CPU time of thread {@code id} in ns, or -1 where it cannot be read. */
    private static long cpuTime(long id) {
        if (THREADS == null) return -1;
        try {
            return (Long) CPU_TIME.invoke(THREADS, id);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }

    // ---- generators -----------------------------------------------------------------------------------------

    @Provide
    Arbitrary<Schedule> schedules() {
        return schedules(DEPTH);
    }

    @Provide
    Arbitrary<Schedule> finiteSchedules() {
        return schedules(DEPTH).filter(s -> s.duration().isPresent());
    }

    @Provide
    Arbitrary<Schedule> periodicSchedules() {
        return periodic(DEPTH, true);
    }

    @Provide
    Arbitrary<Schedule> sgdrPeriodicSchedules() {
        return periodic(DEPTH, false);
    }

    @Provide
    Arbitrary<Schedule> wsds() {
        return wsd();
    }

    /** Steps in [0, 10⁶]. */
    @Provide
    Arbitrary<List<Long>> steps() {
        return Arbitraries.longs().between(0, 1_000_000).list().ofMinSize(1).ofMaxSize(30);
    }

    /** Steps before 0, in [0, 10⁶] and up to 10¹². */
    @Provide
    Arbitrary<List<Long>> mixedSteps() {
        return Arbitraries.oneOf(Arbitraries.longs().between(-1000, -1), Arbitraries.longs().between(0, 1_000_000),
                Arbitraries.longs().between(1_000_000_000L, 1_000_000_000_000L)).list().ofMinSize(1).ofMaxSize(30);
    }

    private static Arbitrary<Schedule> schedules(int depth) {
        if (depth == 0) return leaves();
        Arbitrary<Schedule> inner = schedules(depth - 1);
        Arbitrary<Schedule> finite = inner.filter(s -> s.duration().isPresent());
        return Arbitraries.frequencyOf(List.of(
                weighted(8, leaves()),
                weighted(1, Combinators.combine(finite, inner).as(Then::new)),
                weighted(1, Combinators.combine(lengths(), inner).as(Warmup::new)),
                weighted(1, Combinators.combine(factors(), inner).as(Scaled::new)),
                weighted(1, Combinators.combine(inner, inner).as(Product::new)),
                weighted(1, Combinators.combine(inner, shifts(true)).as(Shift::new)),
                weighted(1, inner.filter(s -> s.range().bounded()).map(Counter::new)),
                weighted(1, clamps(inner)),
                weighted(1, rescales(inner)),
                weighted(1, Combinators.combine(periodic(depth - 1, true), fractions()).as(Phase::new))));
    }

    /** Periodic schedules: sgdr with mult 1 and (if cyclic) triangular cyclic, under period-keeping transforms. */
    private static Arbitrary<Schedule> periodic(int depth, boolean cyclicAndDelays) {
        Arbitrary<Schedule> leaves = cyclicAndDelays ? Arbitraries.oneOf(sgdr(1), cyclic(Cyclic.Mode.TRIANGULAR)) : sgdr(1);
        if (depth == 0) return leaves;
        Arbitrary<Schedule> inner = periodic(depth - 1, cyclicAndDelays);
        return Arbitraries.frequencyOf(List.of(
                weighted(4, leaves),
                weighted(1, Combinators.combine(factors(), inner).as(Scaled::new)),
                weighted(1, inner.map(Counter::new)),
                weighted(1, clamps(inner)),
                weighted(1, rescales(inner)),
                weighted(1, Combinators.combine(inner, shifts(false)).as(Shift::new)),
                weighted(1, Combinators.combine(inner, inner).as(Product::new)),
                weighted(1, Combinators.combine(inner, fractions()).as(Phase::new))));
    }

    private static Arbitrary<Schedule> leaves() {
        return Arbitraries.oneOf(List.of(
                values().map(Constant::new),
                Combinators.combine(values(), values(), lengths()).as(Linear::new),
                Combinators.combine(values(), lengths(), unit()).as(Step::new),
                Combinators.combine(values(), milestones(), unit()).as(MultiStep::new),
                Combinators.combine(values(), unit()).as(Exponential::new),
                Combinators.combine(values(), Arbitraries.doubles().between(0.001, 100_000).ofScale(3)).as(HalfLife::new),
                Combinators.combine(values(), Arbitraries.doubles().between(0, 10).ofScale(4),
                        Arbitraries.doubles().between(0, 3).ofScale(3)).as(InverseTime::new),
                values().map(InverseSqrt::new),
                Combinators.combine(values(), Arbitraries.doubles().between(0, 3).ofScale(3)).as(PowerLaw::new),
                Combinators.combine(values(), values(), lengths(), Arbitraries.doubles().between(0.01, 5).ofScale(3))
                        .as(Polynomial::new),
                Combinators.combine(values(), lengths(), values()).as(Cosine::new),
                sgdr(0),
                cyclic(null),
                onecycle(),
                wsd()));
    }

    /** Sgdr with the given mult, or any mult in [1, 4] for 0. */
    private static Arbitrary<Schedule> sgdr(long mult) {
        Arbitrary<Long> mults = mult == 0 ? Arbitraries.longs().between(1, 4) : Arbitraries.just(mult);
        return Combinators.combine(values(), lengths(), mults, values()).as(Sgdr::new);
    }

    /** Cyclic of the given mode, or any mode for null; lo ≤ hi. */
    private static Arbitrary<Schedule> cyclic(Cyclic.Mode mode) {
        Arbitrary<Cyclic.Mode> modes = mode == null ? Arbitraries.of(Cyclic.Mode.class) : Arbitraries.just(mode);
        Arbitrary<Double> gammas = Arbitraries.doubles().between(0, false, 1, true).ofScale(6);
        return Combinators.combine(values(), values(), lengths(), lengths(), modes, gammas)
                .as((a, b, up, down, m, g) -> new Cyclic(Math.min(a, b), Math.max(a, b), up, down, m, g));
    }

    private static Arbitrary<Schedule> onecycle() {
        return Combinators.combine(values(), Arbitraries.longs().between(2, 100_000), unit(),
                        Arbitraries.doubles().between(1, 100).ofScale(3), Arbitraries.doubles().between(1, 100_000).ofScale(1),
                        Arbitraries.of(OneCycle.Anneal.class), Arbitraries.of(true, false))
                .as((peak, steps, pct, div, finalDiv, anneal, three) -> (Schedule) new OneCycle(peak, steps, pct, div, finalDiv, anneal, three))
                .ignoreException(IllegalArgumentException.class);
    }

    private static Arbitrary<Schedule> wsd() {
        Arbitrary<Long> phase = Arbitraries.longs().between(0, 1000);
        return Combinators.combine(values(), phase, phase, Arbitraries.longs().between(1, 1000), values(),
                Arbitraries.of(Wsd.Shape.class)).as(Wsd::new);
    }

    private static Arbitrary<Schedule> clamps(Arbitrary<Schedule> inner) {
        Arbitrary<Integer> which = Arbitraries.integers().between(0, 2); // 0: both bounds, 1: min only, 2: max only
        return Combinators.combine(inner, values(), values(), which).as((s, a, b, w) -> new Clamp(s,
                w == 2 ? Double.NEGATIVE_INFINITY : Math.min(a, b),
                w == 1 ? Double.POSITIVE_INFINITY : Math.max(a, b)));
    }

    private static Arbitrary<Schedule> rescales(Arbitrary<Schedule> inner) {
        return Combinators.combine(inner.filter(s -> s.range().bounded() && s.range().min() < s.range().max()), values(), values())
                .as((s, a, b) -> new Rescale(s, Math.min(a, b), Math.max(a, b)));
    }

    private static Tuple2<Integer, Arbitrary<Schedule>> weighted(int weight, Arbitrary<? extends Schedule> schedules) {
        return Tuple.of(weight, schedules.map(Schedule.class::cast));
    }

    private static Arbitrary<Double> values() {
        return Arbitraries.doubles().between(-100, 100).ofScale(6);
    }

    /** Decay factors in [0, 1]. */
    private static Arbitrary<Double> unit() {
        return Arbitraries.doubles().between(0, 1).ofScale(6);
    }

    private static Arbitrary<Double> factors() {
        return Arbitraries.doubles().between(-5, 5).ofScale(3);
    }

    private static Arbitrary<Double> fractions() {
        return Arbitraries.doubles().between(0, true, 1, false).ofScale(4);
    }

    private static Arbitrary<Long> lengths() {
        return Arbitraries.longs().between(1, 100_000);
    }

    private static Arbitrary<Long> shifts(boolean delays) {
        return Arbitraries.longs().between(delays ? -1000 : 0, 1000);
    }

    private static Arbitrary<List<Long>> milestones() {
        return Arbitraries.longs().between(0, 100_000).list().ofMinSize(1).ofMaxSize(6)
                .map(list -> list.stream().sorted().toList());
    }
}
