package dev.anneal.cli;

import dev.anneal.store.Artifact;
import dev.anneal.store.Event;
import dev.anneal.store.Run;
import dev.anneal.store.RunStore;
import dev.anneal.store.SeriesKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code anneal runs show ID}: one run in full. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show a run: its state, configuration, schedule text, final metrics, series, events and artifacts.")
final class RunsShowCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ID", description = "The run's id, or enough of its start to name one run.")
    String id;

    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        try (RunStore s = store.open()) {
            Run r = s.get(id);
            out.printf(Locale.ROOT, "run %s: %s%n", r.id(), r.name());
            out.printf(Locale.ROOT, "  kind      %s%n", r.kind());
            out.printf(Locale.ROOT, "  status    %s%s%n", r.status(), r.message() == null ? "" : " (" + r.message() + ")");
            out.printf(Locale.ROOT, "  started   %s%n", RunText.time(r.startedAt()));
            out.printf(Locale.ROOT, "  ended     %s (%s)%n", RunText.time(r.endedAt()), RunText.duration(r.duration()));
            out.printf(Locale.ROOT, "  host      %s%n", r.host());
            out.printf(Locale.ROOT, "  version   %s%n", r.codeVersion());
            if (r.seed() != null) out.printf(Locale.ROOT, "  seed      %d%n", r.seed());
            if (r.parentId() != null) out.printf(Locale.ROOT, "  parent    %s%n", r.parentId());
            if (!r.config().isEmpty()) {
                out.println("configuration");
                r.config().forEach((k, v) -> out.printf(Locale.ROOT, "  %-18s %s%n", k, v));
            }
            if (r.scheduleText() != null) {
                out.printf(Locale.ROOT, "schedules (sha256 %s)%n", r.scheduleHash().substring(0, 16));
                r.scheduleText().lines().forEach(l -> out.println("  " + l));
            }
            if (!r.metrics().isEmpty()) {
                out.println("final metrics");
                r.metrics().forEach((k, v) -> out.printf(Locale.ROOT, "  %-18s %s%n", k, RunText.value(v)));
            }
            List<SeriesKey> series = s.series(r.id());
            if (!series.isEmpty()) {
                out.println("series");
                out.println("  " + series.stream().map(SeriesKey::toString).collect(Collectors.joining(" ")));
            }
            List<Event> events = s.events(r.id());
            if (!events.isEmpty()) {
                out.println("events");
                for (Event e : events) out.printf(Locale.ROOT, "  step %-8d %-12s %s%n", e.step(), e.type(), e.message());
            }
            List<Artifact> artifacts = s.artifacts(r.id());
            if (!artifacts.isEmpty()) {
                out.println("artifacts");
                for (Artifact a : artifacts) out.printf(Locale.ROOT, "  %-10s %s%n", a.kind(), a.path());
            }
        }
        out.flush();
        return Main.OK;
    }
}
