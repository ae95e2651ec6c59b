package dev.anneal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every store must do, whatever its database: run by {@link SqliteStoreTest} and {@link PostgresStoreTest}. */
abstract class StoreContract {
    /** A URL of a new, empty store. */
    abstract String newStoreUrl() throws Exception;

    String url;
    RunStore store;

    @BeforeEach
    void open() throws Exception {
        url = newStoreUrl();
        store = RunStore.open(url);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void a_finished_run_reads_back_with_everything_it_was_started_with() {
        String schedule = "lr: warmup(100) then cosine(0.1, 1000)";
        Recorder r = store.start(NewRun.of(RunKind.TRAIN, "mlp cosine").withSeed(42).withSchedule(schedule)
                .withConfig(Map.of("epochs", "3", "batch", "128")).withParent("sweep1").withCodeVersion("0.1.0"));
        Run running = store.get(r.runId());
        assertThat(running.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(running.endedAt()).isNull();
        r.metric("accuracy", 0.875);
        r.metric("accuracy", 0.9);
        r.finish();

        Run run = store.get(r.runId());
        assertThat(run.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(run.kind()).isEqualTo(RunKind.TRAIN);
        assertThat(run.name()).isEqualTo("mlp cosine");
        assertThat(run.seed()).isEqualTo(42L);
        assertThat(run.config()).containsExactly(Map.entry("batch", "128"), Map.entry("epochs", "3"));
        assertThat(run.scheduleText()).isEqualTo(schedule);
        // SHA-256 of the text, as sha256sum prints it
        assertThat(run.scheduleHash()).isEqualTo(RunStore.sha256(schedule)).hasSize(64);
        assertThat(RunStore.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(run.parentId()).isEqualTo("sweep1");
        assertThat(run.codeVersion()).isEqualTo("0.1.0");
        assertThat(run.host()).isNotBlank();
        assertThat(run.metrics()).containsExactly(Map.entry("accuracy", 0.9));
        assertThat(run.endedAt()).isAfterOrEqualTo(run.startedAt());
        assertThatThrownBy(() -> r.record("loss", 0, 1.0)).hasMessageContaining("has ended");
    }

    @Test
    void values_read_back_exactly_per_series_and_group_including_nan_and_infinity() {
        Recorder r = store.start(NewRun.of(RunKind.TRAIN, "values"));
        double[] values = {0.1, -3.5e-12, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e300};
        for (int step = 0; step < values.length; step++) {
            r.record("loss", step, values[step]);
            r.record("lr", "0", step, step * 0.5);
            r.record("lr", "1", step, step * 0.25);
        }
        r.finish();
        assertThat(store.series(r.runId())).containsExactly(SeriesKey.of("loss"), new SeriesKey("lr", "0"),
                new SeriesKey("lr", "1"));
        List<Point> loss = store.points(r.runId(), SeriesKey.of("loss"));
        assertThat(loss).hasSize(values.length);
        for (int i = 0; i < values.length; i++) {
            assertThat(loss.get(i).step()).isEqualTo(i);
            assertThat(Double.compare(loss.get(i).value(), values[i])).as("step %d", i).isZero();
        }
        assertThat(store.points(r.runId(), new SeriesKey("lr", "1"), 2, 3))
                .containsExactly(new Point(2, 0.5), new Point(3, 0.75));
    }

    @Test
    void a_series_step_is_written_once_and_a_retried_batch_adds_nothing() throws Exception {
        Recorder r = store.start(NewRun.of(RunKind.TRAIN, "idempotent"));
        r.record("loss", 7, 1.0);
        r.flush();
        r.record("loss", 7, 2.0); // a second value of the same step is ignored
        r.finish();
        assertThat(store.points(r.runId(), SeriesKey.of("loss"))).containsExactly(new Point(7, 1.0));

        // The same batch written twice (a retry after a commit whose acknowledgement was lost) adds no rows.
        Recorder.Batch batch = new Recorder.Batch();
        batch.newSeries.add(SeriesKey.of("loss"));
        for (int step = 0; step < 100; step++) {
            batch.add(0, step, step);
        }
        batch.events.add(new BatchWriter.PendingEvent(0, 5, 1, "restart", "cycle 2"));
        batch.metrics.put("best", 3.0);
        Recorder second = store.start(NewRun.of(RunKind.TRAIN, "retried"));
        second.flush();
        try (BatchWriter writer = new BatchWriter(new Connector(url), second.runId());
             BatchWriter retry = new BatchWriter(new Connector(url), second.runId())) {
            writer.write(batch, 1);
            retry.write(batch, 2);
        }
        assertThat(store.points(second.runId(), SeriesKey.of("loss"))).hasSize(100);
        assertThat(store.events(second.runId())).hasSize(1);
        assertThat(count("select count(*) from series")).isEqualTo(2);
        assertThat(count("select sum(n) from point_blocks where span = 32")).isEqualTo(101); // step 7 and 0..99
        assertSummaryMatchesPoints(second.runId(), SeriesKey.of("loss"), 0, Long.MAX_VALUE, 3);
        second.finish();
    }

    @Test
    void events_keep_their_order_and_artifacts_their_latest_kind() {
        Recorder r = store.start(NewRun.of(RunKind.TRAIN, "events"));
        r.event(0, "warmup-end", "after 100 steps");
        r.event(250, "plateau", "lr × 0.5");
        r.event(250, "skip", "non-finite gradient");
        r.artifact(Path.of("fig.png"), "figure");
        r.artifact(Path.of("fig.png"), "chart");
        r.artifact(Path.of("/tmp/ckpt.params"), "checkpoint");
        r.finish();
        assertThat(store.events(r.runId())).extracting(Event::step, Event::type, Event::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0L, "warmup-end", "after 100 steps"),
                org.assertj.core.groups.Tuple.tuple(250L, "plateau", "lr × 0.5"),
                org.assertj.core.groups.Tuple.tuple(250L, "skip", "non-finite gradient"));
        // Listed by path; where the checkout lies decides which of the two comes first.
        assertThat(store.artifacts(r.runId())).extracting(Artifact::path).isSorted();
        assertThat(store.artifacts(r.runId())).extracting(Artifact::path, Artifact::kind).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("/tmp/ckpt.params", "checkpoint"),
                org.assertj.core.groups.Tuple.tuple(Path.of("fig.png").toAbsolutePath().toString(), "chart"));
    }

    @Test
    void fail_and_close_without_finish_mark_the_run_failed() {
        Recorder failed = store.start(NewRun.of(RunKind.TRAIN, "diverged"));
        failed.record("loss", 0, Double.NaN);
        failed.fail("loss is NaN at step 0");
        try (Recorder thrown = store.start(NewRun.of(RunKind.LAB, "threw"))) {
            thrown.record("loss", 0, 1);
        }
        Run f = store.get(failed.runId());
        assertThat(f.status()).isEqualTo(RunStatus.FAILED);
        assertThat(f.message()).isEqualTo("loss is NaN at step 0");
        Run t = store.list(RunFilter.all().withKind(RunKind.LAB)).getFirst();
        assertThat(t.status()).isEqualTo(RunStatus.FAILED);
        assertThat(t.message()).contains("closed before finish");
        assertThat(store.points(t.id(), SeriesKey.of("loss"))).containsExactly(new Point(0, 1));
    }

    @Test
    void a_running_run_whose_heartbeat_expired_is_killed_when_read_and_revived_by_its_next_beat() throws Exception {
        // A heartbeat that never comes due on its own, so only the test moves the clock.
        Recorder r = store.start(NewRun.of(RunKind.TRAIN, "silent"),
                new Liveness(Duration.ofHours(1), Duration.ofHours(2)));
        r.record("loss", 0, 1);
        r.flush();
        Run alive = store.get(r.runId());
        execute("update runs set heartbeat_at = heartbeat_at - " + Duration.ofHours(3).toMillis());
        Run killed = store.get(r.runId());
        assertThat(alive.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(killed.status()).isEqualTo(RunStatus.KILLED);
        assertThat(killed.endedAt()).isEqualTo(killed.heartbeatAt())
                .isEqualTo(alive.heartbeatAt().minus(Duration.ofHours(3)));
        assertThat(store.list(RunFilter.all().withStatus(RunStatus.KILLED))).extracting(Run::id).containsExactly(r.runId());

        r.record("loss", 1, 0.5); // the process was only paused: its next batch says it lives
        r.flush();
        assertThat(store.get(r.runId()).status()).isEqualTo(RunStatus.RUNNING);
        r.finish();
        assertThat(store.get(r.runId()).status()).isEqualTo(RunStatus.FINISHED);
    }

    @Test
    void downsampling_gives_min_max_and_last_per_bucket_of_equal_width() {
        Recorder r = store.start(NewRun.of(RunKind.TRAIN, "long"));
        Recorder.Series s = r.series("loss");
        for (int step = 0; step < 1001; step++) {
            r.record(s, step, step == 500 ? Double.NaN : Math.sin(step) + step);
        }
        r.finish();
        List<Bucket> buckets = store.downsample(r.runId(), SeriesKey.of("loss"), 10);
        // width ⌈1001 / 10⌉ = 101: ten buckets, the last one holding steps 909..1000
        assertThat(buckets).hasSize(10);
        for (int b = 0; b < 10; b++) {
            long first = b * 101L;
            long last = Math.min(first + 100, 1000);
            Bucket bucket = buckets.get(b);
            assertThat(bucket.firstStep()).isEqualTo(first);
            assertThat(bucket.lastStep()).isEqualTo(last);
            assertThat(bucket.count()).isEqualTo(last - first + 1);
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (long step = first; step <= last; step++) {
                if (step != 500) {
                    min = Math.min(min, Math.sin(step) + step);
                    max = Math.max(max, Math.sin(step) + step);
                }
            }
            assertThat(bucket.min()).isEqualTo(min);
            assertThat(bucket.max()).isEqualTo(max);
            assertThat(bucket.last()).isEqualTo(Math.sin(last) + last);
        }
        assertThat(store.downsample(r.runId(), SeriesKey.of("loss"), 5000)).hasSize(1001);
        List<Bucket> window = store.downsample(r.runId(), SeriesKey.of("loss"), 100, 199, 4);
        assertThat(window).extracting(Bucket::firstStep).containsExactly(100L, 125L, 150L, 175L);
        assertThat(store.downsample(r.runId(), SeriesKey.of("absent"), 10)).isEmpty();
        assertThatThrownBy(() -> store.downsample(r.runId(), SeriesKey.of("loss"), 0))
                .hasMessageContaining("maxPoints must be ≥ 1, got 0");
    }

    @Test
    void downsampling_from_the_block_summary_equals_bucketing_every_point() {
        Random random = new Random(19);
        for (int run = 0; run < 3; run++) {
            Recorder r = store.start(NewRun.of(RunKind.TRAIN, "summary " + run));
            Recorder.Series s = r.series("loss");
            int steps = 1 + random.nextInt(40_000);
            long step = random.nextInt(3000);
            for (int i = 0; i < steps; i++) {
                double v = random.nextInt(50) == 0 ? Double.NaN
                        : random.nextInt(200) == 0 ? 1e6 * random.nextGaussian() : random.nextGaussian();
                r.record(s, step, v);
                if (random.nextInt(2000) == 0 || step % 32 == 31 && random.nextInt(100) == 0) {
                    r.flush(); // a block filled over several batches, or a batch ending at a block's last step
                }
                step += 1 + (random.nextInt(10) == 0 ? random.nextInt(5000) : 0); // gaps, some wider than a block
            }
            r.finish();
            for (int query = 0; query < 25; query++) {
                long from = random.nextInt(3) == 0 ? 0 : random.nextLong(step);
                long to = random.nextInt(3) == 0 ? Long.MAX_VALUE : from + random.nextLong(step + 1);
                int maxPoints = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 1 + random.nextInt(400);
                assertSummaryMatchesPoints(r.runId(), SeriesKey.of("loss"), from, to, maxPoints);
            }
        }
    }

    @Test
    void a_store_made_before_the_block_summary_gets_it_on_open() throws Exception {
        Recorder r = store.start(NewRun.of(RunKind.TRAIN, "older"));
        for (int step = 0; step < 40_000; step++) {
            r.record("loss", step, step % 997 == 0 ? Double.NaN : Math.cos(step));
        }
        r.finish();
        store.close();
        // back to version 1: no summary, no record of migration 2
        execute("drop table point_blocks");
        execute("delete from " + Schema.HISTORY + " where version = '2'");
        store = RunStore.open(url);
        assertThat(count("select sum(n) from point_blocks where span = 32768")).isEqualTo(40_000);
        for (int maxPoints : new int[] {1, 2, 50, 1000}) {
            assertSummaryMatchesPoints(r.runId(), SeriesKey.of("loss"), 0, Long.MAX_VALUE, maxPoints);
            assertSummaryMatchesPoints(r.runId(), SeriesKey.of("loss"), 33, 39_000, maxPoints);
        }
    }

    /**
     * The summary's buckets (forced for any range length) against the raw points bucketed here on the same grid:
     * the same first and last steps, counts, min, max (NaN left out) and last values, and at most maxPoints.
     */
    void assertSummaryMatchesPoints(String runId, SeriesKey key, long from, long to, int maxPoints) {
        List<Point> points = store.points(runId, key, from, to);
        List<Bucket> read = store.downsample(runId, key, from, to, maxPoints, 0);
        String what = key + " " + from + ".." + to + " in " + maxPoints;
        if (points.isEmpty()) {
            assertThat(read).as(what).isEmpty();
            return;
        }
        long lo = points.getFirst().step();
        long hi = points.getLast().step();
        long width = RunStore.summaryWidth(lo, hi, maxPoints);
        assertThat(width).as(what).isGreaterThanOrEqualTo(Math.ceilDiv(hi - lo + 1, maxPoints));
        java.util.TreeMap<Long, Bucket> expected = new java.util.TreeMap<>();
        for (Point p : points) {
            long b = Math.floorDiv(p.step(), width);
            Bucket old = expected.get(b);
            double v = p.value();
            if (old == null) {
                expected.put(b, new Bucket(p.step(), p.step(), v, v, v, 1));
            } else {
                double min = Double.isNaN(old.min()) ? v : Double.isNaN(v) ? old.min() : Math.min(old.min(), v);
                double max = Double.isNaN(old.max()) ? v : Double.isNaN(v) ? old.max() : Math.max(old.max(), v);
                expected.put(b, new Bucket(old.firstStep(), p.step(), min, max, v, old.count() + 1));
            }
        }
        assertThat(read).as(what).hasSizeLessThanOrEqualTo(maxPoints).containsExactlyElementsOf(expected.values());
    }

    @Test
    void list_filters_and_orders_newest_first() throws Exception {
        List<String> ids = new ArrayList<>();
        for (String name : List.of("cosine a", "step b", "cosine c")) {
            Recorder r = store.start(NewRun.of(name.startsWith("step") ? RunKind.FIND_LR : RunKind.TRAIN, name)
                    .withParent(name.endsWith("c") ? "p1" : null));
            ids.add(r.runId());
            if (!name.endsWith("c")) {
                r.finish();
            }
            Thread.sleep(5); // distinct start times
        }
        assertThat(store.list(RunFilter.all())).extracting(Run::id).containsExactly(ids.get(2), ids.get(1), ids.get(0));
        assertThat(store.list(RunFilter.all().withKind(RunKind.TRAIN))).extracting(Run::name)
                .containsExactly("cosine c", "cosine a");
        assertThat(store.list(RunFilter.all().withStatus(RunStatus.RUNNING))).extracting(Run::name)
                .containsExactly("cosine c");
        assertThat(store.list(RunFilter.all().withNameContaining("sine"))).hasSize(2);
        assertThat(store.list(RunFilter.all().withNameContaining("%"))).isEmpty();
        assertThat(store.list(RunFilter.all().withParent("p1"))).extracting(Run::name).containsExactly("cosine c");
        assertThat(store.list(RunFilter.all().withLimit(1))).extracting(Run::name).containsExactly("cosine c");
        Instant second = store.get(ids.get(1)).startedAt();
        assertThat(store.list(RunFilter.all().withSince(second))).extracting(Run::name)
                .containsExactly("cosine c", "step b");
        assertThat(store.list(RunFilter.all().withUntil(second))).extracting(Run::name).containsExactly("cosine a");
    }

    @Test
    void runs_are_found_by_a_unique_prefix_of_their_id() {
        Recorder r = store.start(NewRun.of(RunKind.TRAIN, "prefix"));
        r.finish();
        assertThat(store.find(r.runId().substring(0, 4))).map(Run::id).contains(r.runId());
        assertThat(store.find("zzzz")).isEmpty();
        assertThatThrownBy(() -> store.get("zzzz")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no run 'zzzz'");
        Recorder other = store.start(NewRun.of(RunKind.TRAIN, "other"));
        other.finish();
        String common = commonPrefix(r.runId(), other.runId());
        assertThatThrownBy(() -> store.get(common + "%")).hasMessageContaining("no run");
        if (!common.isEmpty()) {
            assertThatThrownBy(() -> store.get(common)).hasMessageContaining("ambiguous");
        }
        assertThatThrownBy(() -> store.get(" ")).hasMessageContaining("run id");
    }

    @Test
    void delete_removes_a_run_and_everything_recorded_for_it() throws Exception {
        Recorder keep = store.start(NewRun.of(RunKind.TRAIN, "keep").withConfig(Map.of("a", "1")));
        Recorder drop = store.start(NewRun.of(RunKind.TRAIN, "drop").withConfig(Map.of("a", "2")));
        for (Recorder r : List.of(keep, drop)) {
            r.record("loss", 0, 1);
            r.event(0, "start", "");
            r.artifact(Path.of("x.png"), "figure");
            r.metric("acc", 1);
            r.finish();
        }
        assertThat(store.delete(drop.runId())).isTrue();
        assertThat(store.delete(drop.runId())).isFalse();
        assertThat(store.find(drop.runId())).isEmpty();
        for (String table : List.of("series", "points", "events", "artifacts", "run_metrics", "run_config", "runs")) {
            assertThat(count("select count(*) from " + table)).as(table).isEqualTo(1);
        }
        assertThat(count("select count(*) from point_blocks")).isEqualTo(BlockSummary.SPANS.length);
    }

    @Test
    void start_once_runs_an_id_to_the_end_once_and_replaces_an_unfinished_attempt() throws Exception {
        NewRun trial = NewRun.of(RunKind.TRIAL, "trial").withParent("sweep1").withConfig(Map.of("lr", "0.1"));
        Recorder dead = store.startOnce("t0a1", trial, Liveness.DEFAULT).orElseThrow();
        dead.record("loss", 0, 9);
        dead.record("loss", 1, 8);
        dead.event(0, "start", "");
        dead.flush(); // left RUNNING: the process that wrote it died

        Recorder again = store.startOnce("t0a1", trial, Liveness.DEFAULT).orElseThrow();
        assertThat(store.get("t0a1").status()).isEqualTo(RunStatus.RUNNING);
        assertThat(store.events("t0a1")).isEmpty();
        again.record("loss", 0, 7);
        again.finish();

        assertThat(store.startOnce("t0a1", trial, Liveness.DEFAULT)).isEmpty();
        assertThat(store.points("t0a1", new SeriesKey("loss", ""))).extracting(Point::value).containsExactly(7.0);
        assertThat(store.get("t0a1").config()).containsExactly(Map.entry("lr", "0.1"));
        assertThat(count("select count(*) from runs")).isEqualTo(1);
        assertThat(count("select count(*) from series")).isEqualTo(1);
        assertThat(count("select count(*) from run_config")).isEqualTo(1);

        Recorder failed = store.startOnce("t0a2", trial, Liveness.DEFAULT).orElseThrow();
        failed.fail("worker died");
        assertThat(store.startOnce("t0a2", trial, Liveness.DEFAULT)).isPresent();
        assertThatThrownBy(() -> store.startOnce("Bad Id", trial, Liveness.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Bad Id'");
    }

    @Test
    void threads_recording_into_one_run_lose_nothing() throws Exception {
        Recorder r = store.start(NewRun.of(RunKind.TRAIN, "threads"));
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            String name = "s" + t;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int step = 0; step < 30_000; step++) {
                    r.record(name, step, step);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        r.finish();
        assertThat(count("select count(*) from points")).isEqualTo(120_000);
        assertThat(store.downsample(r.runId(), SeriesKey.of("s3"), 1).getFirst().last()).isEqualTo(29_999);
        for (int t = 0; t < 4; t++) {
            assertSummaryMatchesPoints(r.runId(), SeriesKey.of("s" + t), 0, Long.MAX_VALUE, 7);
            assertSummaryMatchesPoints(r.runId(), SeriesKey.of("s" + t), 1000, 20_999, 100);
        }
    }

    @Test
    void the_schema_history_is_anneals_own_and_a_missing_index_is_refused() throws Exception {
        store.close();
        store = RunStore.open(url); // a second open migrates nothing and passes the check
        assertThat(count("select count(*) from " + Schema.HISTORY)).isPositive();
        execute("drop index runs_started_idx");
        assertThatThrownBy(() -> RunStore.open(url)).isInstanceOf(StoreException.class)
                .hasMessageContaining("lacks the index runs_started_idx");
    }

    private static String commonPrefix(String a, String b) {
        int n = 0;
        while (n < Math.min(a.length(), b.length()) && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return a.substring(0, n);
    }

    long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().execute(sql);
        }
    }
}
