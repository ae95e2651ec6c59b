package dev.anneal.cli;

import dev.anneal.store.Run;
import dev.anneal.store.RunFilter;
import dev.anneal.store.RunKind;
import dev.anneal.store.RunStatus;
import dev.anneal.store.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code anneal runs list}: a table of runs, newest first. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List runs, newest first.")
final class RunsListCommand implements Callable<Integer> {
    @Option(names = "--kind", paramLabel = "KIND", description = "Only runs of this kind: train, find-lr, lab, sweep, trial.")
    String kind;

    @Option(names = "--status", paramLabel = "STATUS", description = "Only runs in this state: running, finished, failed, killed.")
    String status;

    @Option(names = "--name", paramLabel = "TEXT", description = "Only runs whose name contains TEXT.")
    String name;

    @Option(names = "--since", paramLabel = "WHEN",
            description = "Only runs started since WHEN: a date (2026-12-04), an instant (2026-12-04T10:00:00Z) or an age (30m, 6h, 2d).")
    String since;

    @Option(names = "--parent", paramLabel = "ID", description = "Only the runs of this sweep (or lab run).")
    String parent;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N runs; 0 for all (default: ${DEFAULT-VALUE}).")
    int limit;

    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        RunFilter filter = RunFilter.all();
        if (kind != null) filter = filter.withKind(option("--kind", kind, () -> RunKind.of(kind)));
        if (status != null) filter = filter.withStatus(option("--status", status, () -> RunStatus.of(status)));
        if (name != null) filter = filter.withNameContaining(name);
        if (since != null) filter = filter.withSince(instant(since));
        if (limit < 0) throw new IllegalArgumentException("--limit (" + limit + ") must be >= 0");
        filter = filter.withLimit(limit);
        List<Run> runs;
        String where;
        try (RunStore s = store.open()) {
            if (parent != null) filter = filter.withParent(s.get(parent).id());
            runs = s.list(filter);
            where = s.location();
        }
        PrintWriter out = command.commandLine().getOut();
        if (runs.isEmpty()) {
            out.println("no runs in " + where);
            return Main.OK;
        }
        String format = "%-10s  %-7s  %-8s  %-19s  %8s  %s%n";
        out.printf(Locale.ROOT, format, "ID", "KIND", "STATUS", "STARTED", "TIME", "NAME");
        for (Run r : runs) {
            out.printf(Locale.ROOT, format, r.id(), r.kind(), r.status(), RunText.time(r.startedAt()),
                    RunText.duration(r.duration()), r.name());
        }
        out.flush();
        return Main.OK;
    }

    private interface Parse<T> {
        T parse();
    }

    private static <T> T option(String option, String value, Parse<T> parse) {
        try {
            return parse.parse();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " (" + value + "): " + e.getMessage());
        }
    }

    /** A date (local midnight), an instant, or an age before now. */
    static Instant instant(String text) {
        try {
            if (text.matches("\\d+[smhd]")) {
                long n = Long.parseLong(text.substring(0, text.length() - 1));
                Duration unit = switch (text.charAt(text.length() - 1)) {
                    case 's' -> Duration.ofSeconds(1);
                    case 'm' -> Duration.ofMinutes(1);
                    case 'h' -> Duration.ofHours(1);
                    default -> Duration.ofDays(1);
                };
                return Instant.now().minus(unit.multipliedBy(n));
            }
            if (text.matches("\\d{4}-\\d{2}-\\d{2}")) return LocalDate.parse(text).atStartOfDay(ZoneId.systemDefault()).toInstant();
            return Instant.parse(text);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("--since (" + text + ") must be a date (2026-12-04), an instant (2026-12-04T10:00:00Z) or an age (30m, 6h, 2d)");
        }
    }
}
