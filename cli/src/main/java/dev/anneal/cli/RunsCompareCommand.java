package dev.anneal.cli;

import dev.anneal.store.Bucket;
import dev.anneal.store.Run;
import dev.anneal.store.RunStore;
import dev.anneal.store.SeriesKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/** {@code anneal runs compare ID ID…}: final metrics side by side, the configuration that differs, a figure of one series. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare runs: final metrics side by side, the configuration keys whose values differ, and (with --figure) "
                + "one series of every run overlaid.")
final class RunsCompareCommand implements Callable<Integer> {
    /** Points per run in the figure: the store downsamples, keeping each bucket's last value. */
    static final int FIGURE_POINTS = 2000;

    @Parameters(arity = "2..*", paramLabel = "ID", description = "The runs (ids or unique starts of ids).")
    List<String> ids;

    @Option(names = "--series", paramLabel = "NAME[GROUP]", defaultValue = "loss",
            description = "The series the figure overlays, e.g. loss, lr or lr[head] (default: ${DEFAULT-VALUE}).")
    String series;

    @Option(names = "--figure", paramLabel = "FILE", description = "Write a PNG of --series for every run.")
    Path figure;

    @Option(names = "--log-y", description = "Logarithmic value axis in the figure.")
    boolean logY;

    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        try (RunStore s = store.open()) {
            List<Run> runs = new ArrayList<>();
            for (String id : ids) runs.add(s.get(id));
            String row = "%-22s" + "  %-14s".repeat(runs.size()) + "%n";
            out.printf(Locale.ROOT, row, header("run", runs, Run::id));
            out.printf(Locale.ROOT, row, header("kind", runs, r -> r.kind().label()));
            out.printf(Locale.ROOT, row, header("status", runs, r -> r.status().name()));
            TreeSet<String> metrics = new TreeSet<>();
            runs.forEach(r -> metrics.addAll(r.metrics().keySet()));
            for (String m : metrics) {
                out.printf(Locale.ROOT, row, header(m, runs, r -> r.metrics().containsKey(m) ? RunText.value(r.metrics().get(m)) : "-"));
            }
            TreeSet<String> keys = new TreeSet<>();
            runs.forEach(r -> keys.addAll(r.config().keySet()));
            List<String> differing = keys.stream()
                    .filter(k -> runs.stream().map(r -> r.config().get(k)).distinct().count() > 1).toList();
            boolean schedulesDiffer = runs.stream().map(Run::scheduleHash).distinct().count() > 1;
            out.println(differing.isEmpty() && !schedulesDiffer ? "configuration: the same" : "configuration that differs");
            for (String k : differing) {
                out.printf(Locale.ROOT, "  %s%n", k);
                for (Run r : runs) out.printf(Locale.ROOT, "    %s  %s%n", r.id(), Objects.requireNonNullElse(r.config().get(k), "-"));
            }
            if (schedulesDiffer) {
                out.println("  schedules");
                for (Run r : runs) out.printf(Locale.ROOT, "    %s  %s%n", r.id(), Objects.requireNonNullElse(r.scheduleText(), "-").replace("\n", "; "));
            }
            if (figure != null) {
                draw(s, runs, SeriesKey.parse(series));
                out.printf("figure: %s (%s)%n", figure, series);
            }
        }
        out.flush();
        return Main.OK;
    }

    private void draw(RunStore s, List<Run> runs, SeriesKey key) {
        TrainingChart chart = new TrainingChart("anneal runs compare: " + key, "step", false).axisTitle(0, key.toString());
        boolean any = false;
        for (Run r : runs) {
            List<Bucket> buckets = s.downsample(r.id(), key, FIGURE_POINTS);
            if (buckets.isEmpty()) continue;
            double[] x = buckets.stream().mapToDouble(Bucket::lastStep).toArray();
            double[] y = buckets.stream().mapToDouble(Bucket::last).toArray();
            chart.add(r.id() + " " + r.name(), x, y, 0);
            any = true;
        }
        if (!any) {
            throw new IllegalArgumentException("--series (" + series + "): none of the runs recorded it; `anneal runs show ID` lists a run's series");
        }
        if (logY) chart.logY();
        chart.write(figure);
    }

    private interface Cell {
        String of(Run r);
    }

    private static Object[] header(String label, List<Run> runs, Cell cell) {
        Object[] cells = new Object[runs.size() + 1];
        cells[0] = label;
        for (int i = 0; i < runs.size(); i++) cells[i + 1] = cell.of(runs.get(i));
        return cells;
    }
}
