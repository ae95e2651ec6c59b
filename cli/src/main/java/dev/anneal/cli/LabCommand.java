package dev.anneal.cli;

import dev.anneal.djl.Engines;
import dev.anneal.field.FieldStudies;
import dev.anneal.lab.Lab;
import dev.anneal.lab.Mode;
import dev.anneal.lab.Report;
import dev.anneal.lab.Result;
import dev.anneal.lab.Study;
import dev.anneal.lab.studies.Catalogue;
import dev.anneal.store.NewRun;
import dev.anneal.store.RunKind;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;

/** {@code anneal lab [IDS…] [--seeds N] [--jobs J] [-o DIR]}: runs the studies and writes the report. */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "Run the lab's studies (all by default): each tests one claim of the seed chapters and gets a verdict "
                + "from its numbers. Writes DIR/index.html (summary, tables, figures, verdicts) and DIR/results.json.")
final class LabCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "ID", description = "Studies to run, e.g. S01 S13 (default: all).")
    List<String> ids = List.of();

    @Option(names = "--seeds", defaultValue = "8", paramLabel = "N", description = "Seeds per study, >= 5 (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--jobs", paramLabel = "J", description = "Worker threads (default: the number of processors).")
    Integer jobs;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Write the report (index.html, results.json, figures) into DIR (default: none; the run store has every study's verdict, metrics and curves).")
    Path output;

    @Mixin
    StoreOptions store;

    @Option(names = "--reduced", description = "Fewer steps per study: the mode the test suite uses.")
    boolean reduced;

    @Option(names = "--field", description = "Also run the field studies (S27F … S31F: the claims on real Fashion-MNIST training with DJL, "
            + "one trial at a time), each after its toy version; with no IDs, only S27 … S31 and their field versions.")
    boolean field;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws IOException {
        if (seeds < Lab.MIN_SEEDS) throw new IllegalArgumentException("--seeds (" + seeds + ") must be >= " + Lab.MIN_SEEDS);
        int workers = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (workers < 1) throw new IllegalArgumentException("--jobs (" + workers + ") must be >= 1");
        if (output != null) OutputFiles.checkDirectory("-o", output); // now, not after the studies have run
        List<Study> studies = field ? FieldStudies.interleave(toys(FieldStudies.toyIds())) : Catalogue.select(ids);
        if (field) Engines.pytorch(1, 0); // before any trial: offline, one intra-op thread
        PrintWriter out = command.commandLine().getOut(), err = command.commandLine().getErr();
        Mode mode = reduced ? Mode.REDUCED : Mode.FULL;
        Map<String, String> config = Map.of("studies", studies.stream().map(Study::id).collect(Collectors.joining(" ")),
                "seeds", Integer.toString(seeds), "mode", mode.name().toLowerCase(Locale.ROOT), "jobs", Integer.toString(workers));
        try (Recording run = store.start(NewRun.of(RunKind.LAB, "lab " + config.get("studies")).withConfig(config), out)) {
            ProgressBar bar = new ProgressBar(err);
            long t0 = System.nanoTime();
            List<Result> results = Lab.run(studies, seeds, mode, workers, bar::update);
            bar.finish();
            if (output != null) {
                Report.write(results, output);
                run.artifact(output.resolve("index.html"), "report");
            }
            for (Result r : results) {
                out.println(Report.line(r));
                run.event(0, "verdict", r.study().id() + " " + r.status());
            }
            for (String line : Report.counts(results)) out.println(line);
            LabRuns.record(run, results, config);
            out.printf(Locale.ROOT, "%d studies, %d seeds, %.1f s%s%n", results.size(), seeds,
                    (System.nanoTime() - t0) / 1e9, output == null ? "" : "; report: " + output.resolve("index.html"));
            out.flush();
            boolean failed = results.stream().anyMatch(r -> r.error().isPresent());
            if (failed) run.fail("a study failed to run");
            else run.finish();
            return failed ? Main.FAILURE : Main.OK;
        }
    }

    /** The toy studies among IDS (or {@code field}'s ids when none are given) that the catalogue has. */
    private List<Study> toys(List<String> fieldIds) {
        return ids.isEmpty() ? Catalogue.all().stream().filter(s -> fieldIds.contains(s.id())).toList() : Catalogue.select(ids);
    }

    /** A one-line bar on stderr, redrawn in place. */
    static final class ProgressBar {
        private static final int WIDTH = 30;
        private final PrintWriter err;

        ProgressBar(PrintWriter err) {
            this.err = err;
        }

        synchronized void update(int done, int total, String finished) {
            int filled = (int) ((long) WIDTH * done / total);
            err.printf(Locale.ROOT, "\r[%s%s] %d/%d %-16s", "#".repeat(filled), " ".repeat(WIDTH - filled), done, total, finished);
            err.flush();
        }

        synchronized void finish() {
            err.println();
        }
    }
}
