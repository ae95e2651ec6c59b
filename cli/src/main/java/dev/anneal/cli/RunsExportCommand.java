package dev.anneal.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anneal.store.Artifact;
import dev.anneal.store.Event;
import dev.anneal.store.Point;
import dev.anneal.store.Run;
import dev.anneal.store.RunStore;
import dev.anneal.store.SeriesKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code anneal runs export ID --format csv|json}: a run's steps as CSV, or the whole run as JSON. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a run: csv is one row per step and one column per series (empty where a series has no value); "
                + "json is the run, its configuration, metrics, series, events and artifacts.")
final class RunsExportCommand implements Callable<Integer> {
    enum Format { csv, json }

    @Parameters(paramLabel = "ID", description = "The run (its id or a unique start of it).")
    String id;

    @Option(names = "--format", paramLabel = "csv|json", defaultValue = "csv", description = "csv or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws IOException {
        try (RunStore s = store.open()) {
            Run run = s.get(id);
            Map<SeriesKey, List<Point>> series = new LinkedHashMap<>();
            for (SeriesKey key : s.series(run.id())) series.put(key, s.points(run.id(), key));
            if (output == null) {
                PrintWriter out = command.commandLine().getOut();
                write(out, s, run, series);
                out.flush();
            } else {
                OutputFiles.write("-o", output, file -> {
                    try (Writer w = Files.newBufferedWriter(file)) {
                        write(w, s, run, series);
                    }
                });
            }
        }
        return Main.OK;
    }

    private void write(Writer w, RunStore s, Run run, Map<SeriesKey, List<Point>> series) throws IOException {
        if (format == Format.csv) csv(w, series);
        else json(w, s, run, series);
    }

    private static void csv(Writer w, Map<SeriesKey, List<Point>> series) throws IOException {
        List<SeriesKey> keys = List.copyOf(series.keySet());
        TreeMap<Long, String[]> rows = new TreeMap<>();
        for (int c = 0; c < keys.size(); c++) {
            for (Point p : series.get(keys.get(c))) {
                rows.computeIfAbsent(p.step(), k -> new String[keys.size()])[c] = Double.toString(p.value());
            }
        }
        StringBuilder line = new StringBuilder("step");
        for (SeriesKey k : keys) line.append(',').append(csvCell(k.toString()));
        w.write(line.append('\n').toString());
        for (Map.Entry<Long, String[]> row : rows.entrySet()) {
            line.setLength(0);
            line.append(row.getKey());
            for (String v : row.getValue()) line.append(',').append(v == null ? "" : v);
            w.write(line.append('\n').toString());
        }
    }

    private static String csvCell(String text) {
        return text.matches("[^,\"\\n]*") ? text : "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static void json(Writer w, RunStore s, Run run, Map<SeriesKey, List<Point>> series) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("id", run.id()).put("kind", run.kind().label()).put("name", run.name()).put("status", run.status().name())
                .put("startedAt", run.startedAt().toString())
                .put("endedAt", run.endedAt() == null ? null : run.endedAt().toString())
                .put("codeVersion", run.codeVersion()).put("host", run.host()).put("seed", run.seed())
                .put("scheduleText", run.scheduleText()).put("scheduleHash", run.scheduleHash())
                .put("parentId", run.parentId()).put("message", run.message());
        ObjectNode config = root.putObject("config");
        run.config().forEach(config::put);
        ObjectNode metrics = root.putObject("metrics");
        run.metrics().forEach((k, v) -> number(metrics, k, v));
        ArrayNode all = root.putArray("series");
        series.forEach((key, points) -> {
            ObjectNode o = all.addObject().put("name", key.name()).put("group", key.group());
            ArrayNode steps = o.putArray("steps"), values = o.putArray("values");
            for (Point p : points) {
                steps.add(p.step());
                if (Double.isFinite(p.value())) values.add(p.value());
                else values.add(Double.toString(p.value())); // JSON has no NaN or Infinity: "NaN", "Infinity"
            }
        });
        ArrayNode events = root.putArray("events");
        for (Event e : s.events(run.id())) {
            events.addObject().put("step", e.step()).put("at", e.at().toString()).put("type", e.type()).put("message", e.message());
        }
        ArrayNode artifacts = root.putArray("artifacts");
        for (Artifact a : s.artifacts(run.id())) artifacts.addObject().put("path", a.path()).put("kind", a.kind());
        try {
            json.writeValue(new NonClosing(w), root);
            w.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) o.put(key, v);
        else o.put(key, Double.toString(v));
    }

    /** Jackson closes what it writes to; standard output stays open. */
    private static final class NonClosing extends java.io.FilterWriter {
        NonClosing(Writer w) {
            super(w);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
