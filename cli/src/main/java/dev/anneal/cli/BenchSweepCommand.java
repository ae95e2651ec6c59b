package dev.anneal.cli;

import dev.anneal.bench.host.Load;
import dev.anneal.store.RunStore;
import dev.anneal.sweep.Engine;
import dev.anneal.sweep.Job;
import dev.anneal.sweep.LocalEngine;
import dev.anneal.sweep.ProcessEngine;
import dev.anneal.sweep.Sweep;
import dev.anneal.sweep.SweepFile;
import dev.anneal.sweep.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/**
 * {@code anneal bench sweep}: each engine's cost per trial and its scaling. Overhead: trials of one step on a
 * one-dimensional task, whose own work is measured alone and subtracted; once through the engine only, once as a
 * whole sweep with the store. Scaling: a CPU-bound lab sweep and a Fashion-MNIST sweep, each with 1 worker against 2.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Benchmark the sweep engines: trials/s and overhead per trial (engine alone, and the whole sweep with the "
                + "run store) with 1 and 2 workers, and the time of a CPU-bound lab sweep and of a Fashion-MNIST sweep with 2 workers "
                + "against 1. Engines: local, processes, and spark (local[2]) when Spark's jars are on the class path (the ./anneal "
                + "launcher adds them).",
                "Prints /proc/loadavg with the figures: the machine may be shared."})
final class BenchSweepCommand implements Callable<Integer> {
    @Option(names = "--trials", paramLabel = "N", defaultValue = "400", description = "Tiny trials for the overhead (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--heavy", paramLabel = "N", defaultValue = "8", description = "CPU-bound trials for the scaling (default: ${DEFAULT-VALUE}).")
    int heavy;

    @Option(names = "--dimension", paramLabel = "D", defaultValue = "40000", description = "Dimension of a CPU-bound trial's quadratic (default: ${DEFAULT-VALUE}).")
    int dimension;

    @Option(names = "--fashion-mnist", paramLabel = "N", defaultValue = "4",
            description = "Fashion-MNIST trials for the scaling (an MLP, three epochs of 6,400 images; 0 skips it; default: ${DEFAULT-VALUE}).")
    int fashionMnist;

    @Option(names = "--no-spark", description = "Measure the local and processes engines only.")
    boolean noSpark;

    @Spec
    CommandSpec command;

    private Path dir;

    @Override
    public Integer call() throws IOException {
        if (trials < 10) throw new IllegalArgumentException("--trials (" + trials + ") must be >= 10");
        if (heavy < 2) throw new IllegalArgumentException("--heavy (" + heavy + ") must be >= 2");
        if (fashionMnist != 0 && fashionMnist < 2) throw new IllegalArgumentException("--fashion-mnist (" + fashionMnist + ") must be 0 or >= 2");
        PrintWriter out = command.commandLine().getOut();
        dir = Files.createTempDirectory("anneal-bench-sweep");
        try {
            measure(out);
        } finally {
            BenchStoreCommand.deleteTree(dir); // every sweep's store
        }
        return Main.OK;
    }

    private void measure(PrintWriter out) throws IOException {
        out.println("load before: " + Load.now());
        SweepSpec tiny = SweepFile.parse("""
                task: {name: quadratic, dimension: 1}
                steps: 1
                schedules: {lr: "${lr}"}
                space: {lr: {range: [0.01, 0.9], count: %d}}
                """.formatted(trials), "bench-tiny");
        SweepSpec cpu = SweepFile.parse("""
                task: {name: quadratic, dimension: %d, noise: 0.01}
                steps: 300
                schedules: {lr: "cosine(${lr}, steps=100%%)"}
                space: {lr: {range: [0.1, 0.9], count: %d}}
                """.formatted(dimension, heavy), "bench-cpu");
        SweepSpec images = SweepFile.parse("""
                task: {name: fashion-mnist, model: mlp, limit: 6400, test-limit: 1000, batch: 64}
                optimizer: adam
                steps: 300
                every: 300
                schedules: {lr: "cosine(${lr}, steps=100%%)"}
                space: {lr: {range: [0.0005, 0.005], scale: log, count: %d}}
                """.formatted(Math.max(fashionMnist, 2)), "bench-fashion-mnist");
        double work = ownWork(tiny);
        out.printf(Locale.ROOT, "a tiny trial's own work: %.3f ms%n", work * 1e3);
        out.println("engine              workers  engine only: trials/s  overhead/trial   sweep+store: trials/s  overhead/trial   cpu-bound sweep"
                + (fashionMnist > 0 ? "   fashion-mnist sweep" : ""));
        List<String> engines = new ArrayList<>(List.of("local", "processes"));
        if (!noSpark) {
            if (sparkAvailable()) engines.add("spark local[2]");
            else out.println("(spark skipped: Spark's jars are not on the class path; run through ./anneal)");
        }
        for (String name : engines) {
            double[] cpuSeconds = new double[3], imageSeconds = new double[3];
            for (int workers : new int[] {1, 2}) {
                IntFunction<Engine> make = w -> switch (name) {
                    case "local" -> new LocalEngine(w);
                    case "processes" -> new ProcessEngine(w);
                    default -> Spark.start(w);
                };
                try (Engine engine = make.apply(workers)) {
                    engineOnly(engine, tiny); // warm-up: class loading, JIT, worker processes, Spark's first job
                    double alone = engineOnly(engine, tiny);
                    double swept = sweep(engine, tiny);
                    engineOnly(engine, cpu); // warm-up: each worker (a JVM of its own, for processes) compiles the task's code
                    cpuSeconds[workers] = sweep(engine, cpu);
                    if (fashionMnist > 0) {
                        engineOnly(engine, images); // warm-up: every worker loads PyTorch and the images once
                        imageSeconds[workers] = sweep(engine, images);
                    }
                    out.printf(Locale.ROOT, "%-19s %7d  %21.0f  %11.2f ms  %21.0f  %11.2f ms   %7.2f s%s%n", name, workers,
                            trials / alone, (alone / trials - work / workers) * 1e3 * workers,
                            trials / swept, (swept / trials - work / workers) * 1e3 * workers, cpuSeconds[workers],
                            fashionMnist > 0 ? String.format(Locale.ROOT, "   %17.2f s", imageSeconds[workers]) : "");
                }
            }
            out.printf(Locale.ROOT, "%-19s 2 workers take %.2f× the time of 1 on the cpu-bound sweep (%d trials, dimension %d, 300 steps)%n",
                    name, cpuSeconds[2] / cpuSeconds[1], heavy, dimension);
            if (fashionMnist > 0) {
                out.printf(Locale.ROOT, "%-19s 2 workers take %.2f× the time of 1 on the Fashion-MNIST sweep (%d trials: an MLP, 300 steps of 64 images)%n",
                        name, imageSeconds[2] / imageSeconds[1], fashionMnist);
            }
        }
        out.println("overhead/trial = (wall/trials − own work/workers) × workers: the busy time a trial costs a worker beyond its own work");
        out.println("load after: " + Load.now());
        out.flush();
    }

    /** Seconds of a tiny trial's own work, run alone in this thread (best of three passes). */
    private double ownWork(SweepSpec spec) {
        List<Job> jobs = Sweep.trials(spec);
        double best = Double.MAX_VALUE;
        for (int pass = 0; pass < 3; pass++) {
            long t0 = System.nanoTime();
            for (Job j : jobs) j.run();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9 / jobs.size());
        }
        return best;
    }

    /** Seconds to run every trial through the engine, {@code workers} at a time, nothing recorded. */
    private double engineOnly(Engine engine, SweepSpec spec) {
        List<Job> jobs = Sweep.trials(spec);
        long t0 = System.nanoTime();
        List<CompletableFuture<?>> running = new ArrayList<>();
        for (Job j : jobs) {
            if (running.size() == engine.workers()) {
                CompletableFuture.anyOf(running.toArray(CompletableFuture[]::new)).join();
                running.removeIf(CompletableFuture::isDone);
            }
            running.add(engine.submit(j));
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Seconds of the whole sweep into a new SQLite store. */
    private double sweep(Engine engine, SweepSpec spec) throws IOException {
        Path db = Files.createTempFile(dir, "runs", ".db");
        Files.delete(db);
        try (RunStore store = RunStore.open(db.toString())) {
            long t0 = System.nanoTime();
            Sweep.run(spec, engine, store, (d, r, e, b) -> {});
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    private static boolean sparkAvailable() {
        try {
            Class.forName("org.apache.spark.SparkConf");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Spark's classes load only here. */
    private static final class Spark {
        static Engine start(int workers) {
            return dev.anneal.spark.SparkEngine.start("local[2]", workers);
        }
    }
}
