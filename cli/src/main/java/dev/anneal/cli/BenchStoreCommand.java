package dev.anneal.cli;

import dev.anneal.bench.host.Load;
import dev.anneal.djl.RunListener;
import dev.anneal.djl.Step;
import dev.anneal.store.NewRun;
import dev.anneal.store.Recorder;
import dev.anneal.store.RunKind;
import dev.anneal.store.RunStore;
import dev.anneal.store.StoreLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code anneal bench store}: how fast the run store takes a long run's trace, against plain batched JDBC inserts
 * into the same database, and what recording costs {@code anneal train}.
 */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = {"Benchmark the run store: rows per second for a run of --steps steps of --series series on SQLite (a new file) "
                + "and, with --postgres, on PostgreSQL, against plain batched JDBC inserts of the same rows in one transaction; "
                + "then the training thread's cost of recording a step and anneal train's images/s with and without the store.",
                "Prints /proc/loadavg with the figures: the machine may be shared."})
final class BenchStoreCommand implements Callable<Integer> {
    @Option(names = "--steps", paramLabel = "N", defaultValue = "100000", description = "Steps of the run (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--series", paramLabel = "K", defaultValue = "20", description = "Series per step (default: ${DEFAULT-VALUE}).")
    int series;

    @Option(names = "--postgres", paramLabel = "URL", description = "A PostgreSQL database to measure too (jdbc:postgresql://…; tools/postgres-scratch.sh starts one).")
    String postgres;

    @Option(names = "--train-rounds", paramLabel = "R", defaultValue = "3",
            description = "Rounds of anneal train with and without the store, alternating; best of each reported; 0 to skip (default: ${DEFAULT-VALUE}).")
    int trainRounds;

    @Option(names = "--train-limit", paramLabel = "N", defaultValue = "20000", description = "Training images per anneal train run (default: ${DEFAULT-VALUE}).")
    int trainLimit;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws Exception {
        if (steps < 1 || series < 1) throw new IllegalArgumentException("--steps (" + steps + ") and --series (" + series + ") must be >= 1");
        PrintWriter out = command.commandLine().getOut();
        out.printf(Locale.ROOT, "load average before: %s%n", Load.now());
        out.printf(Locale.ROOT, "%-10s  %12s  %14s  %10s  %14s%n", "store", "rows", "recorder rows/s", "caller ns/row", "plain JDBC rows/s");
        Path dir = Files.createTempDirectory("anneal-bench-store");
        try {
            report(out, "sqlite", StoreLocation.toUrl(dir.resolve("runs.db").toString()), StoreLocation.toUrl(dir.resolve("plain.db").toString()));
            if (postgres != null) report(out, "postgresql", postgres, postgres);
            out.flush();
            if (trainRounds > 0) train(out, dir);
        } finally {
            deleteTree(dir);
        }
        out.printf(Locale.ROOT, "load average after: %s%n", Load.now());
        out.flush();
        return Main.OK;
    }

    private void report(PrintWriter out, String name, String url, String plainUrl) throws SQLException {
        long rows = (long) steps * series;
        long[] callerNanos = new long[1];
        double seconds;
        try (RunStore store = RunStore.open(url)) {
            long t0 = System.nanoTime();
            Recorder r = store.start(NewRun.of(RunKind.TRAIN, "bench store"));
            List<Recorder.Series> handles = new ArrayList<>();
            for (int s = 0; s < series; s++) handles.add(r.series("s" + s));
            long c0 = System.nanoTime();
            for (long step = 0; step < steps; step++) {
                for (int s = 0; s < series; s++) r.record(handles.get(s), step, step * 1e-3 + s);
            }
            callerNanos[0] = System.nanoTime() - c0;
            r.finish(); // returns once every row is committed
            seconds = (System.nanoTime() - t0) / 1e9;
            store.delete(r.runId());
        }
        double plain = plainInserts(plainUrl, rows);
        out.printf(Locale.ROOT, "%-10s  %12d  %14.0f  %10.1f  %14.0f   (recorder / plain = %.2f)%n", name, rows, rows / seconds,
                (double) callerNanos[0] / rows, plain, rows / seconds / plain);
        out.flush();
    }

    /** The same rows as one batched insert in one transaction into a bare table with the same key: the database's own pace. */
    private double plainInserts(String url, long rows) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().execute("create table bench_plain (series_id bigint not null, step bigint not null, value double precision,"
                    + " primary key (series_id, step))");
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("insert into bench_plain values (?, ?, ?)")) {
                long n = 0;
                for (long step = 0; step < steps; step++) {
                    for (int s = 0; s < series; s++) {
                        ps.setLong(1, s);
                        ps.setLong(2, step);
                        ps.setDouble(3, step * 1e-3 + s);
                        ps.addBatch();
                        if (++n % 10_000 == 0) ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            double seconds = (System.nanoTime() - t0) / 1e9;
            c.setAutoCommit(true);
            c.createStatement().execute("drop table bench_plain");
            return rows / seconds;
        }
    }

    /** anneal train's images/s with and without the store, rounds alternating; and the training thread's cost per step. */
    private void train(PrintWriter out, Path dir) throws IOException {
        String store = StoreLocation.toUrl(dir.resolve("train.db").toString());
        double best0 = 0, best1 = 0;
        for (int round = 0; round < trainRounds; round++) {
            best0 = Math.max(best0, imagesPerSecond("--no-store"));
            best1 = Math.max(best1, imagesPerSecond("--store", store));
        }
        out.printf(Locale.ROOT, "anneal train (mlp, adam, %d images, 1 epoch, best of %d): %.0f images/s without the store, %.0f with "
                + "(recording costs %.1f%%)%n", trainLimit, trainRounds, best0, best1, 100 * (1 - best1 / best0));
        // The training thread's own share: recording one step as anneal train does (8 series), timed alone.
        Map<String, Double> hyperparameters = new LinkedHashMap<>();
        for (String h : List.of("lr", "beta1", "beta2", "eps", "weight_decay")) hyperparameters.put(h, 0.001);
        try (RunStore s = RunStore.open(store)) {
            Recorder r = s.start(NewRun.of(RunKind.TRAIN, "bench store: caller cost"));
            int n = 200_000;
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) RunListener.record(r, new Step(i, 0, 0.5, 0.9, hyperparameters, null, null));
            double perStep = (System.nanoTime() - t0) / (double) n;
            r.finish();
            double stepNanos = 1e9 / (best0 / 128);
            out.printf(Locale.ROOT, "recording one step on the training thread: %.0f ns = %.4f%% of a %.2f ms mini-batch step%n",
                    perStep, 100 * perStep / stepNanos, stepNanos / 1e6);
        }
    }

    private static final Pattern IMAGES_PER_SECOND = Pattern.compile("\\((\\d+) images/s\\)");

    private double imagesPerSecond(String... store) {
        List<String> args = new ArrayList<>(List.of("train", "fashion-mnist", "--epochs", "1", "--limit", Integer.toString(trainLimit),
                "--test-limit", "100"));
        args.addAll(List.of(store));
        StringWriter text = new StringWriter(), err = new StringWriter();
        int code = Main.run(new PrintWriter(text), new PrintWriter(err), args.toArray(String[]::new));
        Matcher m = IMAGES_PER_SECOND.matcher(text.toString());
        if (code != 0 || !m.find()) throw new IllegalStateException("anneal " + String.join(" ", args) + " failed: " + text + err);
        return Double.parseDouble(m.group(1));
    }

    /** Removes a benchmark's scratch folder and everything in it. */
    static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
