package dev.anneal.bench;

import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Spec;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Nanoseconds per {@code Schedule.at(step)}: a plain cosine against a composite schedule (warmup, then cosine
 * with warm restarts, times a counter-phase cycle), each at step 10^3 and at step 10^12. Since every schedule
 * is evaluated in closed form, the cost should not depend on the step, and the composite should cost a small
 * constant factor more than the plain cosine. Results and the command to run: docs/benchmarks.md.
 *
 * <p>The step and the schedules are read from non-final fields of the state so the JIT cannot fold them into
 * constants, and every benchmark returns its value so JMH consumes it (no dead-code elimination).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ScheduleBench {

    /** Cosine restarts with cycle lengths 1000, 2000, 4000, …: the cycle is the top bit of the period count. */
    public static final String COMPOSITE =
            "warmup(1000, sgdr(0.1, period=1000, mult=2)) * counter(cyclic(0.5, 1.0, up=500))";

    /** The same with equal cycles: the position in the cycle is one remainder. */
    public static final String COMPOSITE_MULT1 =
            "warmup(1000, sgdr(0.1, period=1000, mult=1)) * counter(cyclic(0.5, 1.0, up=500))";

    /** Cycle lengths 1000, 3000, 9000, …: the cycle is estimated by a logarithm, then made exact in integers. */
    public static final String COMPOSITE_MULT3 =
            "warmup(1000, sgdr(0.1, period=1000, mult=3)) * counter(cyclic(0.5, 1.0, up=500))";

    /** Long enough that both measured steps lie inside the decay (not clamped to its end). */
    public static final long COSINE_STEPS = 2_000_000_000_000L;

    @Param({"1000", "1000000000000"})
    public long step;

    private Schedule plainCosine;
    private Schedule composite;
    private Schedule compositeMult1;
    private Schedule compositeMult3;

    @Setup
    public void setUp() {
        plainCosine = Schedule.cosine(0.1, COSINE_STEPS);
        composite = Spec.parse(COMPOSITE);
        compositeMult1 = Spec.parse(COMPOSITE_MULT1);
        compositeMult3 = Spec.parse(COMPOSITE_MULT3);
    }

    @Benchmark
    public double plainCosine() {
        return plainCosine.at(step);
    }

    @Benchmark
    public double composite() {
        return composite.at(step);
    }

    @Benchmark
    public double compositeMult1() {
        return compositeMult1.at(step);
    }

    @Benchmark
    public double compositeMult3() {
        return compositeMult3.at(step);
    }
}
