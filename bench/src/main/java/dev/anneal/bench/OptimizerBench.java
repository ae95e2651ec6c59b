package dev.anneal.bench;

import dev.anneal.optim.kernel.KernelImpl;
import dev.anneal.bench.optim.Parallel;
import dev.anneal.bench.optim.Workload;
import dev.anneal.bench.optim.Workload.Kind;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One full pass of the AdamW update, the SGD-momentum update and the STREAM triad over {@code size} elements, on
 * {@code threads} threads (0 = all cores), with the scalar or the vector kernels. Milliseconds per pass; parameters
 * per second = size / time. The triad in the same run gives the bandwidth: AdamW moves 28 bytes per parameter,
 * SGD-momentum 20, the triad 16 counting write-allocate. {@code anneal bench optim} prints the same comparison as a
 * table. Results and commands: docs/benchmarks.md.
 *
 * <p>The fork adds {@code --add-modules jdk.incubator.vector}; {@code impl=vector} fails without it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx6g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class OptimizerBench {

    @Param({"1000000", "10000000", "50000000"})
    public int size;

    @Param({"1", "0"})
    public int threads;

    @Param({"vector", "scalar"})
    public String impl;

    private Workload adamw, sgd, triad;
    private Parallel parallel;

    @Setup(Level.Trial)
    public void setUp() {
        KernelImpl kernels = KernelImpl.valueOf(impl.toUpperCase());
        adamw = new Workload(Kind.ADAMW, size, kernels);
        sgd = new Workload(Kind.SGD_MOMENTUM, size, kernels);
        triad = new Workload(Kind.TRIAD, size, kernels);
        parallel = new Parallel(threads == 0 ? Runtime.getRuntime().availableProcessors() : threads);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        parallel.close();
    }

    @Benchmark
    public float adamw() {
        adamw.step(parallel);
        return adamw.checksum();
    }

    @Benchmark
    public float sgdMomentum() {
        sgd.step(parallel);
        return sgd.checksum();
    }

    @Benchmark
    public float triad() {
        triad.step(parallel);
        return triad.checksum();
    }
}
