package dev.anneal.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.store.Run;
import dev.anneal.store.RunFilter;
import dev.anneal.store.RunStatus;
import dev.anneal.store.RunStore;
import dev.anneal.store.SeriesKey;
import dev.anneal.sweep.Engine;
import dev.anneal.sweep.LocalEngine;
import dev.anneal.sweep.ProcessEngine;
import dev.anneal.sweep.Sweep;
import dev.anneal.sweep.SweepFile;
import dev.anneal.sweep.SweepSpec;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Exactly once, on every engine: a sweep's driver JVM is killed with SIGKILL after some trials finished; running the
 * same sweep again runs only the others, and the store ends with every trial once, finished, with one curve each.
 * Lives in this module because it is the one with Spark on its test class path; the local engine is tested the same way.
 */
class KillAndResumeTest {
    static final String SWEEP = """
            name: kill-and-resume
            task: {name: quadratic, dimension: 64, min: 0.01, max: 1, noise: 0.01}
            optimizer: sgd
            steps: 100
            every: 10
            schedules: {lr: "cosine(${lr}, steps=100%)"}
            space: {lr: [0.2, 0.4, 0.6, 0.8]}
            seeds: [1, 2, 3, 4, 5, 6]
            """;
    static final int TRIALS = 24, POINTS = 11, KILLED_AT = 8;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"local", "processes", "spark"})
    void a_killed_sweep_run_again_runs_only_its_unfinished_trials(String engine) throws Exception {
        Path file = Files.writeString(dir.resolve("sweep.yaml"), SWEEP);
        String db = dir.resolve("runs.db").toString();
        SweepSpec spec = SweepFile.read(file);
        Map<String, Instant> before;
        try (RunStore store = RunStore.open(db)) {
            Process driver = start(engine, db, file);
            String said = null;
            List<String> other = new ArrayList<>(); // Spark may print to stdout too
            try (var lines = new BufferedReader(new InputStreamReader(driver.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.startsWith("done ")) {
                        said = line;
                        break;
                    }
                    other.add(line);
                }
            } finally {
                List<ProcessHandle> workers = driver.descendants().toList(); // the processes engine's worker JVMs
                driver.destroyForcibly(); // SIGKILL: no shutdown hook, no last word to the store
                driver.waitFor();
                for (ProcessHandle w : workers) { // an orphaned worker stops with its driver, not at the end of its trial
                    assertThat(w.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join().isAlive()).isFalse();
                }
                if (engine.equals("processes")) assertThat(workers).as("worker processes").hasSize(2);
            }
            assertThat(said).as("the driver's output: %s", other).isEqualTo("done " + KILLED_AT);
            before = finished(store, spec).stream().collect(Collectors.toMap(Run::id, Run::startedAt));
            assertThat(before).hasSize(KILLED_AT);
            // the driver had started the next trial (2 workers, one just freed): it is left RUNNING by the kill
            assertThat(store.list(RunFilter.all().withParent(spec.id()).withStatus(RunStatus.RUNNING))).hasSize(1);
        }
        try (RunStore store = RunStore.open(db); Engine again = switch (engine) {
                 case "spark" -> SparkEngine.on(SharedSpark.get(), 2);
                 case "processes" -> new ProcessEngine(2);
                 default -> new LocalEngine(2);
             }) {
            Sweep.Result r = Sweep.run(spec, again, store, (d, running, e, b) -> {});
            assertThat(r.reused()).isEqualTo(before.size());
            assertThat(r.ran()).isEqualTo(TRIALS - before.size());

            List<Run> trials = store.list(RunFilter.all().withParent(spec.id()));
            assertThat(trials).hasSize(TRIALS).allSatisfy(t -> {
                assertThat(t.status()).isEqualTo(RunStatus.FINISHED);
                assertThat(store.series(t.id())).hasSize(1);
                assertThat(store.points(t.id(), new SeriesKey("loss", ""))).hasSize(POINTS);
            });
            assertThat(trials.stream().map(t -> t.config().get("param.lr") + "/" + t.seed()).distinct()).hasSize(TRIALS);
            // the trials finished before the kill were not run again
            for (Run t : trials) if (before.containsKey(t.id())) assertThat(t.startedAt()).isEqualTo(before.get(t.id()));
            assertThat(store.get(spec.id()).status()).isEqualTo(RunStatus.FINISHED);
        }
    }

    private static List<Run> finished(RunStore store, SweepSpec spec) {
        return store.list(RunFilter.all().withParent(spec.id()).withStatus(RunStatus.FINISHED));
    }

    /** The driver in a JVM of its own, with this JVM's flags (Spark's add-opens) and class path. */
    private static Process start(String engine, String db, Path file) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-D") && !a.startsWith("-Dsurefire") || a.startsWith("--add-modules"))
                .toList());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), SweepProcess.class.getName(), engine, db,
                file.toString(), Integer.toString(KILLED_AT)));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}
