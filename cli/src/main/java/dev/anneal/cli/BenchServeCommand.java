package dev.anneal.cli;

import dev.anneal.bench.host.Load;
import dev.anneal.store.NewRun;
import dev.anneal.store.Recorder;
import dev.anneal.store.RunKind;
import dev.anneal.store.RunStore;
import dev.anneal.web.Dashboard;
import dev.anneal.web.SampleRuns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code anneal bench serve}: how long the dashboard takes to open a long run and a large runs table (the API calls
 * each page makes, timed end to end over HTTP), and its latency under load: p50 and p99 at 50 concurrent clients
 * from Apache's {@code ab} (Debian's apache2-utils) over a store of 1,000 runs.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Benchmark the dashboard: opening a run of --steps steps x --series series and a table of --runs runs "
                + "(the page's API calls over HTTP, first and best of --repeats), then p50/p99 latency at --clients concurrent "
                + "clients (Apache ab) over a store of --load-runs runs.",
                "Prints /proc/loadavg with the figures: the machine may be shared."})
final class BenchServeCommand implements Callable<Integer> {
    @Option(names = "--steps", defaultValue = "1000000", paramLabel = "N", description = "Steps of the long run (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--series", defaultValue = "10", paramLabel = "K", description = "Series of the long run, >= 4 (default: ${DEFAULT-VALUE}).")
    int series;

    @Option(names = "--runs", defaultValue = "10000", paramLabel = "N", description = "Runs in the table (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--load-runs", defaultValue = "1000", paramLabel = "N", description = "Runs in the store under load (default: ${DEFAULT-VALUE}).")
    int loadRuns;

    @Option(names = "--clients", defaultValue = "50", paramLabel = "C", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--requests", defaultValue = "5000", paramLabel = "R", description = "Requests per endpoint under load (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--repeats", defaultValue = "5", paramLabel = "R", description = "Opens timed per page after the first (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--only", paramLabel = "run|table|load", description = "Measure only this part (default: all three).")
    String only;

    @Spec
    CommandSpec command;

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    public Integer call() throws Exception {
        if (series < 4) throw new IllegalArgumentException("--series (" + series + ") must be >= 4");
        if (steps < 10 || runs < 1 || loadRuns < 3 || clients < 1 || requests < clients || repeats < 1) {
            throw new IllegalArgumentException("--steps >= 10, --runs >= 1, --load-runs >= 3, --clients >= 1, --requests >= --clients, --repeats >= 1");
        }
        if (only != null && !List.of("run", "table", "load").contains(only)) {
            throw new IllegalArgumentException("--only (" + only + ") must be run, table or load");
        }
        Path ab = Path.of("/usr/bin/ab");
        if (!Files.isExecutable(ab)) throw new IllegalArgumentException("Apache ab is missing: install Debian's apache2-utils (./anneal bench serve does)");
        PrintWriter out = command.commandLine().getOut();
        out.printf(Locale.ROOT, "load average before: %s%n", Load.now());
        Path dir = Files.createTempDirectory("anneal-bench-serve");
        try {
            if (only == null || only.equals("run")) openLongRun(out, dir.resolve("long.db"));
            if (only == null || only.equals("table")) openTable(out, dir.resolve("table.db"));
            if (only == null || only.equals("load")) underLoad(out, dir.resolve("load.db"));
        } finally {
            BenchStoreCommand.deleteTree(dir);
        }
        out.printf(Locale.ROOT, "load average after: %s%n", Load.now());
        out.flush();
        return Main.OK;
    }

    /** The run page's two calls: the run, then every series as 1,000 min/max/last buckets. */
    private void openLongRun(PrintWriter out, Path db) throws Exception {
        try (RunStore store = RunStore.open(db.toString())) {
            long t0 = System.nanoTime();
            String id = SampleRuns.record(store, "long", steps, series, 0.1, 1);
            out.printf(Locale.ROOT, "recorded a run of %,d steps x %d series in %.1f s%n", steps, series, (System.nanoTime() - t0) / 1e9);
            try (Dashboard d = Dashboard.start(store, "127.0.0.1", 0)) {
                String base = "http://127.0.0.1:" + d.port();
                timed(out, "open a run (" + steps + " steps x " + series + " series)",
                        List.of(base + "/api/runs/" + id, base + "/api/runs/" + id + "/series?points=1000"));
                timed(out, "zoom one series to 1% of its steps", List.of(base + "/api/runs/" + id + "/series?keys=loss&points=1000&from="
                        + steps / 2 + "&to=" + (steps / 2 + steps / 100)));
            }
        }
    }

    /** The runs page's call, newest first and sorted by a metric, over --runs runs. */
    private void openTable(PrintWriter out, Path db) throws Exception {
        try (RunStore store = RunStore.open(db.toString())) {
            long t0 = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                try (Recorder r = store.start(NewRun.of(RunKind.TRAIN, "run " + i).withSeed(i)
                        .withConfig(Map.of("lr", Double.toString(0.01 * (1 + i % 10)), "batch", "64")))) {
                    r.metric("loss", 1.0 / (1 + i));
                    r.metric("test_accuracy", (i % 1000) / 1000.0);
                    r.finish();
                }
            }
            out.printf(Locale.ROOT, "recorded %,d runs in %.1f s%n", runs, (System.nanoTime() - t0) / 1e9);
            try (Dashboard d = Dashboard.start(store, "127.0.0.1", 0)) {
                String base = "http://127.0.0.1:" + d.port();
                timed(out, "open the runs table (" + runs + " runs)", List.of(base + "/api/runs?page=0&size=50"));
                timed(out, "sort it by a metric, page 20", List.of(base + "/api/runs?sort=metric:loss&order=asc&page=20&size=50"));
            }
        }
    }

    /** p50 and p99 at --clients concurrent clients on the API calls the pages make most. */
    private void underLoad(PrintWriter out, Path db) throws Exception {
        try (RunStore store = RunStore.open(db.toString())) {
            long t0 = System.nanoTime();
            List<String> ids = SampleRuns.many(store, loadRuns, 1_000);
            out.printf(Locale.ROOT, "recorded %,d runs of 1,000 steps x 4 series in %.1f s%n", loadRuns, (System.nanoTime() - t0) / 1e9);
            try (Dashboard d = Dashboard.start(store, "127.0.0.1", 0)) {
                String base = "http://127.0.0.1:" + d.port();
                Path body = Files.writeString(db.resolveSibling("playground.json"),
                        "{\"text\":\"warmup(5%, cosine(0.1, steps=95%))\",\"total\":10000,\"lambdaMax\":10}");
                out.printf(Locale.ROOT, "under load: %d clients, %d requests each line, store of %,d runs; load average %s%n",
                        clients, requests, loadRuns, Load.now());
                out.printf(Locale.ROOT, "  %-44s %9s %9s %9s %8s%n", "request", "p50 ms", "p99 ms", "req/s", "failed");
                ab(out, "runs table, page 1", base + "/api/runs?page=0&size=50", null);
                ab(out, "a run's 4 series, 1,000 buckets each", base + "/api/runs/" + ids.get(7) + "/series?points=1000", null);
                ab(out, "compare 3 runs, grouped, smoothed", base + "/api/compare?runs=" + String.join(",", ids.subList(0, 3))
                        + "&series=loss&group=lr&smooth=20", null);
                ab(out, "playground (parse, curve, check, convert)", base + "/api/playground", body);
                ab(out, "the page (index.html)", base + "/", null);
            }
        }
    }

    /**
     * Times the calls in sequence, as a page makes them: the first time (nothing cached, but the server has served
     * its page and a miss, as it would have before a user asks for data) and the best of --repeats.
     */
    private void timed(PrintWriter out, String what, List<String> urls) throws Exception {
        String base = urls.getFirst().substring(0, urls.getFirst().indexOf("/api/"));
        for (String warm : List.of(base + "/", base + "/api/runs/none")) {
            http.send(HttpRequest.newBuilder(URI.create(warm)).build(), HttpResponse.BodyHandlers.discarding());
        }
        double first = 0, best = Double.MAX_VALUE;
        long bytes = 0;
        for (int i = 0; i <= repeats; i++) {
            long t0 = System.nanoTime();
            bytes = 0;
            for (String url : urls) {
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() != 200) throw new IllegalStateException(url + " answered " + r.statusCode());
                bytes += r.body().length;
            }
            double ms = (System.nanoTime() - t0) / 1e6;
            if (i == 0) first = ms;
            else best = Math.min(best, ms);
        }
        out.printf(Locale.ROOT, "%-48s first %7.1f ms, best of %d %7.1f ms (%,d bytes of JSON); load average %s%n",
                what, first, repeats, best, bytes, Load.now());
        out.flush();
    }

    private static final Pattern PERCENTILE = Pattern.compile("(?m)^\\s*(50|99)%\\s+(\\d+)");
    private static final Pattern RATE = Pattern.compile("Requests per second:\\s+([\\d.]+)");
    private static final Pattern FAILED = Pattern.compile("Failed requests:\\s+(\\d+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx responses:\\s+(\\d+)");

    private void ab(PrintWriter out, String what, String url, Path postBody) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(Arrays.asList("/usr/bin/ab", "-q", "-n", Integer.toString(requests), "-c", Integer.toString(clients)));
        if (postBody != null) cmd.addAll(List.of("-p", postBody.toString(), "-T", "application/json"));
        cmd.add(url);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IllegalStateException("ab failed on " + url + ":\n" + text);
        String p50 = "?", p99 = "?";
        Matcher m = PERCENTILE.matcher(text);
        while (m.find()) {
            if (m.group(1).equals("50")) p50 = m.group(2);
            else p99 = m.group(2);
        }
        Matcher rate = RATE.matcher(text), failed = FAILED.matcher(text), non2xx = NON_2XX.matcher(text);
        long bad = (failed.find() ? Long.parseLong(failed.group(1)) : 0) + (non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0);
        out.printf(Locale.ROOT, "  %-44s %9s %9s %9s %8d%n", what, p50, p99, rate.find() ? rate.group(1) : "?", bad);
        out.flush();
    }
}
