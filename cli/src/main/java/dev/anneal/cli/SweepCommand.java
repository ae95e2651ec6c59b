package dev.anneal.cli;

import dev.anneal.optim.ScheduleSet;
import dev.anneal.store.RunStore;
import dev.anneal.sweep.Engine;
import dev.anneal.sweep.Trials;
import dev.anneal.sweep.LocalEngine;
import dev.anneal.sweep.ProcessEngine;
import dev.anneal.sweep.Outcome;
import dev.anneal.sweep.Summary;
import dev.anneal.sweep.Sweep;
import dev.anneal.sweep.SweepChart;
import dev.anneal.sweep.SweepFile;
import dev.anneal.sweep.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code anneal sweep FILE [--engine local|processes|spark] [--workers N] [--master URL] [-o DIR]}. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run a sweep of schedules (grid, random, ASHA or PBT) on a thread pool or on Apache Spark. Every "
                + "trial and the sweep go to the run store; a trial runs once: running the same file again (after a "
                + "crash, say) runs only the trials not yet finished. Prints the best configurations; for PBT, the "
                + "winner's schedule set.")
final class SweepCommand implements Callable<Integer> {
    enum EngineKind { local, processes, spark }

    @Parameters(paramLabel = "FILE", description = "The sweep file (YAML): see docs/sweeps.md.")
    Path file;

    @Option(names = "--engine", defaultValue = "local", paramLabel = "local|processes|spark",
            description = "Where trials run: local (a thread pool, the default), processes (a JVM per worker: Fashion-MNIST "
                    + "trials in parallel, a crashed trial costs only its worker) or spark.")
    EngineKind engine;

    @Option(names = "--workers", paramLabel = "N",
            description = "Trials at once (default: the processors for local and processes, Spark's default parallelism for spark).")
    Integer workers;

    @Option(names = "--master", defaultValue = "local[*]", paramLabel = "URL",
            description = "Spark's master: local[*] (default), local[N], or a cluster's URL (spark://host:7077).")
    String master;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Write the summary, figures and (PBT) the winner's schedule set into DIR.")
    Path output;

    @Option(names = "--top", defaultValue = "10", paramLabel = "K", description = "Rows of the summary table (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--replay", paramLabel = "SCHEDULES",
            description = "Instead of sweeping, train the file's task (first seed, all steps) under this schedule-set file and print its loss curve.")
    Path replay;

    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws IOException {
        SweepSpec spec = SweepFile.read(file);
        PrintWriter out = command.commandLine().getOut(), err = command.commandLine().getErr();
        if (replay != null) return replay(spec, out);
        if (workers != null && workers < 1) throw new IllegalArgumentException("--workers (" + workers + ") must be >= 1");
        if (top < 1) throw new IllegalArgumentException("--top (" + top + ") must be >= 1");
        if (store.off) throw new IllegalArgumentException("--no-store: a sweep needs the run store, where each trial is run once");
        if (output != null) OutputFiles.checkDirectory("-o", output); // now, not after the sweep has run
        try (RunStore runs = store.open(); Engine e = engine()) {
            out.printf(Locale.ROOT, "sweep: %s (%s, %s, %s)%n", spec.id(), spec.name(), strategy(spec), e.describe());
            out.flush();
            Bar bar = new Bar(err);
            long t0 = System.nanoTime();
            Sweep.Result result = Sweep.run(spec, e, runs, bar::update);
            bar.finish();
            double seconds = (System.nanoTime() - t0) / 1e9;
            out.printf(Locale.ROOT, "%d trials: %d ran, %d read back from the store, %d failed; %.1f s%n",
                    result.trials().size(), result.ran(), result.reused(), result.failed(), seconds);
            out.print(Summary.table(result, top));
            if (output != null) {
                Files.createDirectories(output);
                Files.writeString(output.resolve("summary.txt"), Summary.table(result, Integer.MAX_VALUE));
                for (Path p : SweepChart.write(result, output)) out.println("figure: " + p);
            }
            result.pbt().ifPresent(pbt -> {
                out.println("PBT winner (" + pbt.winner().job().label() + ", loss " + pbt.winner().metric() + "), its schedule set:");
                out.print(pbt.scheduleSetYaml());
                if (output != null) write(output.resolve("pbt-winner.yaml"), pbt.scheduleSetYaml(), out);
            });
            out.flush();
            return result.failed() > 0 ? Main.FAILURE : Main.OK;
        }
    }

    private Integer replay(SweepSpec spec, PrintWriter out) throws IOException {
        ScheduleSet set;
        try {
            set = ScheduleSet.read(replay, spec.steps());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("--replay (" + replay + ") does not exist");
        }
        Outcome o = Trials.run(spec.base(), set, spec.steps());
        out.println("step\tloss");
        for (int k = 0; k < o.curve().length; k++) out.println((long) k * o.every() + "\t" + o.curve()[k]);
        out.flush();
        return Main.OK;
    }

    private Engine engine() {
        int cores = Runtime.getRuntime().availableProcessors();
        if (engine == EngineKind.local) return new LocalEngine(workers != null ? workers : cores);
        if (engine == EngineKind.processes) return new ProcessEngine(workers != null ? workers : cores);
        try {
            return Spark.start(master, workers == null ? 0 : workers);
        } catch (NoClassDefFoundError e) {
            throw new IllegalArgumentException("--engine spark needs Spark's jars on the class path: run it through the "
                    + "./anneal launcher (it adds spark/target/lib), or spark-submit (see docs/sweeps.md)");
        }
    }

    /** Spark's classes load only here, so the local engine runs without them. */
    private static final class Spark {
        static Engine start(String master, int workers) {
            return dev.anneal.spark.SparkEngine.start(master, workers);
        }
    }

    private static String strategy(SweepSpec spec) {
        return spec.strategy().getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    private static void write(Path file, String text, PrintWriter out) {
        try {
            Files.writeString(file, text);
            out.println("written: " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + file + ": " + e.getMessage());
        }
    }

    /** The progress line on stderr: done, running, best so far. */
    static final class Bar {
        private static final int WIDTH = 30;
        private final PrintWriter err;
        private long drawn;

        Bar(PrintWriter err) {
            this.err = err;
        }

        /** Redraws at most ten times a second, and at the end. */
        synchronized void update(int done, int running, int expected, double best) {
            long now = System.nanoTime();
            if (now - drawn < 100_000_000L && done < expected) return;
            drawn = now;
            int filled = (int) ((long) WIDTH * done / Math.max(1, expected));
            err.printf(Locale.ROOT, "\r[%s%s] %d/%d done, %d running, best %s   ", "#".repeat(filled),
                    " ".repeat(WIDTH - filled), done, expected, running, Double.isNaN(best) ? "-" : String.format(Locale.ROOT, "%.4g", best));
            err.flush();
        }

        synchronized void finish() {
            err.println();
        }
    }
}
