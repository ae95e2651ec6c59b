package dev.anneal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Writers in other processes: killed with SIGKILL mid-run, and several at once into one store. */
abstract class ProcessContract {
    @TempDir
    Path dir;

    abstract String newStoreUrl() throws Exception;

    /** How many processes write into one store at once. */
    abstract int writers();

    @Test
    @Timeout(180)
    void after_kill_9_every_committed_batch_is_whole_and_the_run_reads_as_killed() throws Exception {
        String url = newStoreUrl();
        int series = 20;
        Process p = WriterProcess.start(url, 100_000_000L, series, 20, dir.resolve("writer.log"));
        try (RunStore store = RunStore.open(url)) {
            long deadline = System.currentTimeMillis() + 120_000;
            while (count(url, "select count(*) from points") < 40_000 && System.currentTimeMillis() < deadline) {
                assertThat(p.isAlive()).as("writer alive: %s", log()).isTrue();
                Thread.sleep(50);
            }
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no last flush
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(137);

            Run run = store.list(RunFilter.all()).getFirst();
            List<Long> lastSteps = new ArrayList<>();
            for (SeriesKey key : store.series(run.id())) {
                List<Point> points = store.points(run.id(), key);
                int s = Integer.parseInt(key.name().substring(1));
                for (int i = 0; i < points.size(); i++) { // every step from 0, each value intact
                    assertThat(points.get(i)).isEqualTo(new Point(i, WriterProcess.value(s, i)));
                }
                lastSteps.add((long) points.size() - 1);
            }
            assertThat(lastSteps).hasSize(series);
            // Series are recorded in turn within a step, so a batch may end inside a step, never further apart.
            assertThat(lastSteps.stream().mapToLong(Long::longValue).max().orElseThrow()
                    - lastSteps.stream().mapToLong(Long::longValue).min().orElseThrow()).isLessThanOrEqualTo(1);
            assertThat(lastSteps.getFirst()).isGreaterThanOrEqualTo(40_000 / series - 1);

            Thread.sleep(WriterProcess.LIVENESS.lease().toMillis() + 500);
            Run killed = store.get(run.id());
            assertThat(killed.status()).isEqualTo(RunStatus.KILLED);
            assertThat(killed.endedAt()).isEqualTo(killed.heartbeatAt());
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    @Timeout(300)
    void writers_in_several_processes_lose_nothing_and_never_fail() throws Exception {
        String url = newStoreUrl();
        int steps = 10_000;
        int series = 10;
        RunStore.open(url).close(); // the schema exists before they race (each would migrate safely, but slower)
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < writers(); i++) {
            processes.add(WriterProcess.start(url, steps, series, 0, dir.resolve("writer" + i + ".log")));
        }
        for (int i = 0; i < processes.size(); i++) {
            Process p = processes.get(i);
            assertThat(p.waitFor(240, TimeUnit.SECONDS)).as("writer %d finished", i).isTrue();
            assertThat(p.exitValue()).as("writer %d: %s", i, Files.readString(dir.resolve("writer" + i + ".log")))
                    .isZero();
        }
        try (RunStore store = RunStore.open(url)) {
            List<Run> runs = store.list(RunFilter.all());
            assertThat(runs).hasSize(writers()).allMatch(r -> r.status() == RunStatus.FINISHED);
            for (Run run : runs) {
                assertThat(store.series(run.id())).hasSize(series);
                for (SeriesKey key : store.series(run.id())) {
                    List<Bucket> all = store.downsample(run.id(), key, 1);
                    int s = Integer.parseInt(key.name().substring(1));
                    assertThat(all.getFirst().count()).isEqualTo(steps);
                    assertThat(all.getFirst().min()).isEqualTo(WriterProcess.value(s, 0));
                    assertThat(all.getFirst().last()).isEqualTo(WriterProcess.value(s, steps - 1));
                }
            }
        } finally {
            processes.forEach(Process::destroyForcibly);
        }
    }

    private String log() throws Exception {
        return Files.readString(dir.resolve("writer.log"));
    }

    static long count(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
