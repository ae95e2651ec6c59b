package dev.anneal.web;

import dev.anneal.store.Artifact;
import dev.anneal.store.Run;
import dev.anneal.store.RunKind;
import dev.anneal.store.RunStatus;
import dev.anneal.store.RunStore;
import dev.anneal.store.SeriesKey;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The runs table, a run, its series (downsampled by the store), its artifacts, and several runs compared. */
final class RunRoutes {
    static final int DEFAULT_POINTS = 1000, MAX_POINTS = 20_000, MAX_COMPARED = 200;

    private final RunStore store;
    private final RunIndex index;
    private final SeriesCache cache = new SeriesCache(512);

    RunRoutes(RunStore store, RunIndex index) {
        this.store = store;
        this.index = index;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/runs", this::table);
        routes.get("/api/runs/{id}", ctx -> Dashboard.json(ctx, detail(run(ctx.pathParam("id")))));
        routes.get("/api/runs/{id}/series", this::series);
        routes.get("/api/runs/{id}/artifacts/{index}", this::artifact);
        routes.get("/api/compare", this::compare);
    }

    private void table(Context ctx) throws IOException {
        String kind = Params.text(ctx, "kind", null), status = Params.text(ctx, "status", null);
        RunTable query = new RunTable(Params.text(ctx, "q", null), kind == null ? null : RunKind.of(kind),
                status == null ? null : RunStatus.of(status), Params.text(ctx, "sort", "started"),
                !"asc".equals(order(ctx)), Params.integer(ctx, "page", 0, 0, Integer.MAX_VALUE / 1000),
                Params.integer(ctx, "size", 50, 1, 1000));
        Dashboard.json(ctx, query.apply(index.runs()));
    }

    private static String order(Context ctx) {
        String o = Params.text(ctx, "order", "desc");
        if (!o.equals("asc") && !o.equals("desc")) throw ApiException.badRequest("order (" + Params.shown(o) + ") must be asc or desc");
        return o;
    }

    Map<String, Object> detail(Run r) {
        return Views.detail(r, store.series(r.id()), store.events(r.id()), store.artifacts(r.id()));
    }

    /** Every series of a run (or those {@code keys} names), each as at most {@code points} buckets of steps from..to. */
    private void series(Context ctx) throws IOException {
        Run r = run(ctx.pathParam("id"));
        List<SeriesKey> all = store.series(r.id());
        List<SeriesKey> keys = keys(ctx, all);
        Window w = Window.of(ctx);
        Map<String, Object> out = new LinkedHashMap<>();
        for (SeriesKey k : keys) out.put(k.toString(), read(r, k, w));
        Dashboard.json(ctx, Map.of("run", r.id(), "status", r.status().name(), "series", out));
    }

    private static List<SeriesKey> keys(Context ctx, List<SeriesKey> all) {
        String given = Params.text(ctx, "keys", null);
        if (given == null) return all;
        List<SeriesKey> keys = new ArrayList<>();
        for (String k : given.split(",")) {
            SeriesKey key = SeriesKey.parse(k.strip());
            if (!all.contains(key)) throw ApiException.notFound("no series '" + Params.shown(k.strip()) + "'; the run has " + all);
            keys.add(key);
        }
        return keys;
    }

    /**
     * Several runs' series on one chart: each run's buckets (smoothed when {@code smooth} gives a time constant in
     * steps) and, with {@code group=KEY}, the runs that share a value of configuration KEY as a mean and min–max band.
     */
    private void compare(Context ctx) throws IOException {
        String ids = Params.text(ctx, "runs", null);
        if (ids == null) throw ApiException.badRequest("runs must list run ids separated by commas");
        List<String> wanted = Arrays.stream(ids.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (wanted.size() > MAX_COMPARED) throw ApiException.badRequest("runs (" + wanted.size() + " ids) must be at most " + MAX_COMPARED);
        Window w = Window.of(ctx);
        double tau = Params.positive(ctx, "smooth", Double.NaN);
        String groupBy = Params.text(ctx, "group", null);
        String seriesText = Params.text(ctx, "series", null);
        SeriesKey key = seriesText == null ? null : SeriesKey.parse(seriesText);
        List<Map<String, Object>> runs = new ArrayList<>();
        Map<String, List<Groups.Curve>> groups = new LinkedHashMap<>();
        TreeSet<String> available = new TreeSet<>();
        for (String id : wanted) {
            Run r = run(id);
            List<SeriesKey> keys = store.series(r.id());
            keys.forEach(k -> available.add(k.toString()));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("name", r.name());
            m.put("status", r.status().name());
            m.put("config", r.config());
            if (key != null && keys.contains(key)) {
                Map<String, Object> b = read(r, key, w);
                long[] steps = (long[]) b.get("step");
                Double[] values = (Double[]) b.get("last");
                if (!Double.isNaN(tau)) {
                    values = Smoothing.ema(steps, values, tau);
                    b.put("smoothed", values);
                }
                m.put("data", b);
                if (groupBy != null) {
                    String value = r.config().getOrDefault(groupBy, "(none)");
                    groups.computeIfAbsent(value, v -> new ArrayList<>()).add(new Groups.Curve(steps, values));
                    m.put("group", value);
                }
            }
            runs.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("series", seriesText);
        out.put("available", available);
        out.put("runs", runs);
        if (groupBy != null) {
            List<Map<String, Object>> bands = new ArrayList<>();
            groups.forEach((value, curves) -> {
                Map<String, Object> g = new LinkedHashMap<>();
                g.put("key", groupBy);
                g.put("value", value);
                g.put("runs", curves.size());
                g.putAll(Groups.band(curves, w.points()));
                bands.add(g);
            });
            out.put("groups", bands);
        }
        Dashboard.json(ctx, out);
    }

    /** A file the run listed, by its place in the list: a path never comes from the request. */
    private void artifact(Context ctx) throws IOException {
        Run r = run(ctx.pathParam("id"));
        List<Artifact> artifacts = store.artifacts(r.id());
        int i;
        try {
            i = Integer.parseInt(ctx.pathParam("index"));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("artifact index (" + Params.shown(ctx.pathParam("index")) + ") must be a whole number");
        }
        if (i < 0 || i >= artifacts.size()) throw ApiException.notFound("run " + r.id() + " has " + artifacts.size() + " artifacts; no number " + i);
        Path file = Path.of(artifacts.get(i).path());
        if (!Files.isRegularFile(file)) throw ApiException.notFound("the artifact " + file.getFileName() + " is no longer on disk");
        String name = file.getFileName().toString();
        ctx.contentType(ArtifactType.of(name));
        // shown in a sandbox: an HTML or SVG artifact runs no script with the dashboard's origin
        ctx.header("Content-Security-Policy", "sandbox");
        ctx.header("Content-Disposition", "inline; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
        InputStream in = Files.newInputStream(file);
        ctx.result(in);
    }

    /** A series' buckets as JSON columns; a run that has ended is read once per window. */
    private Map<String, Object> read(Run r, SeriesKey key, Window w) {
        return Views.buckets(cache.read(store, r.id(), key, w, r.status() != RunStatus.RUNNING));
    }

    private Run run(String id) {
        return store.find(id).orElseThrow(() -> ApiException.notFound("no run '" + Params.shown(id) + "'"));
    }

    /** The steps and resolution of a series read: from, to (inclusive) and points. */
    record Window(long from, long to, int points) {
        static Window of(Context ctx) {
            long from = Params.whole(ctx, "from", 0, 0, Long.MAX_VALUE);
            long to = Params.whole(ctx, "to", Long.MAX_VALUE, 0, Long.MAX_VALUE);
            if (to < from) throw ApiException.badRequest("to (" + to + ") must be ≥ from (" + from + ")");
            return new Window(from, to, Params.integer(ctx, "points", DEFAULT_POINTS, 1, MAX_POINTS));
        }
    }
}
