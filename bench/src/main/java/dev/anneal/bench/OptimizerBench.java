package dev.anneal.bench;

import dev.anneal.optim.kernel.KernelImpl;
import dev.anneal.bench.optim.Parallel;
import dev.anneal.bench.optim.Workload;
import dev.anneal.bench.optim.Workload.Loop;
import dev.anneal.bench.optim.Workload.Rule;

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
 * One full pass of the AdamW and SGD-momentum updates over {@code size} elements, on {@code threads} threads
 * (0 = all cores), with the scalar or the vector kernels, and of the memory-only loops with their access patterns
 * (the memory bound). Milliseconds per pass; parameters per second = size / time. {@code anneal bench optim} prints
 * the roofline comparison as a table. Results and commands: docs/benchmarks.md.
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

    private Workload adamw, sgd, adamwPattern, sgdPattern;
    private Parallel parallel;

    @Setup(Level.Trial)
    public void setUp() {
        KernelImpl kernels = KernelImpl.valueOf(impl.toUpperCase());
        int t = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        adamw = new Workload(Rule.ADAMW, Loop.UPDATE, size, kernels);
        sgd = new Workload(Rule.SGD_MOMENTUM, Loop.UPDATE, size, kernels);
        adamwPattern = new Workload(Rule.ADAMW, Loop.PATTERN, size, kernels);
        sgdPattern = new Workload(Rule.SGD_MOMENTUM, Loop.PATTERN, size, kernels);
        parallel = new Parallel(t);
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
    public float adamwPattern() {
        adamwPattern.step(parallel);
        return adamwPattern.checksum();
    }

    @Benchmark
    public float sgdMomentumPattern() {
        sgdPattern.step(parallel);
        return sgdPattern.checksum();
    }
}
