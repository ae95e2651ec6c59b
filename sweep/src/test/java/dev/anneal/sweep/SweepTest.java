package dev.anneal.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anneal.store.RunFilter;
import dev.anneal.store.RunKind;
import dev.anneal.store.RunStatus;
import dev.anneal.store.RunStore;
import dev.anneal.store.SeriesKey;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepTest {
    static final String GRID = """
            task: {name: quadratic, dimension: 8, min: 0.1, max: 1, noise: 0.05}
            optimizer: sgd
            steps: 60
            every: 10
            schedules: {lr: "warmup(${w}, cosine(${peak}, steps=100%))"}
            space:
              w: [5, 10]
              peak: {range: [0.1, 1.0], scale: log, count: 3}
            seeds: [1, 2]
            """;

    @TempDir
    Path dir;

    @Test
    void a_grid_runs_every_combination_for_every_seed_once_and_a_second_run_reads_them_back() {
        SweepSpec spec = SweepFile.parse(GRID, "grid");
        try (RunStore store = RunStore.open(dir.resolve("runs.db").toString());
             LocalEngine engine = new LocalEngine(2)) {
            Sweep.Result first = Sweep.run(spec, engine, store, (d, r, e, b) -> {});
            assertThat(first.trials()).hasSize(12);
            assertThat(first.ran()).isEqualTo(12);
            assertThat(first.trials()).extracting(t -> (Map<String, String>) t.job().params()).containsOnly(
                    Map.of("w", "5", "peak", "0.1"), Map.of("w", "5", "peak", "0.316228"), Map.of("w", "5", "peak", "1"),
                    Map.of("w", "10", "peak", "0.1"), Map.of("w", "10", "peak", "0.316228"), Map.of("w", "10", "peak", "1"));
            List<dev.anneal.store.Run> trials = store.list(RunFilter.all().withParent(first.id()));
            assertThat(trials).hasSize(12).allSatisfy(r -> {
                assertThat(r.kind()).isEqualTo(RunKind.TRIAL);
                assertThat(r.status()).isEqualTo(RunStatus.FINISHED);
                assertThat(store.points(r.id(), new SeriesKey("loss", ""))).hasSize(7);
            });
            assertThat(store.get(first.id()).status()).isEqualTo(RunStatus.FINISHED);
            // each trial's stored metric is the last point of its curve
            for (Sweep.Trial t : first.trials()) {
                assertThat(store.get(t.job().id()).metrics().get("loss")).isEqualTo(t.outcome().curve()[6]);
            }

            Sweep.Result again = Sweep.run(spec, engine, store, (d, r, e, b) -> {});
            assertThat(again.ran()).isZero();
            assertThat(again.reused()).isEqualTo(12);
            assertThat(metrics(again)).isEqualTo(metrics(first));
            assertThat(store.list(RunFilter.all().withParent(first.id()))).hasSize(12);
        }
    }

    @Test
    void one_worker_and_two_give_the_same_trial_results() {
        SweepSpec spec = SweepFile.parse(GRID, "grid");
        Map<String, Double> one, two;
        try (RunStore store = RunStore.open(dir.resolve("a.db").toString()); LocalEngine engine = new LocalEngine(1)) {
            one = metrics(Sweep.run(spec, engine, store, (d, r, e, b) -> {}));
        }
        try (RunStore store = RunStore.open(dir.resolve("b.db").toString()); LocalEngine engine = new LocalEngine(2)) {
            two = metrics(Sweep.run(spec, engine, store, (d, r, e, b) -> {}));
        }
        assertThat(two).isEqualTo(one);
        assertThat(one.values()).allMatch(Double::isFinite);
    }

    @Test
    void a_trial_whose_worker_keeps_failing_is_retried_then_failed_with_the_reason() {
        SweepSpec spec = SweepFile.parse(GRID + "retries: 1\n", "grid");
        int[] calls = {0};
        Engine failing = new Engine() {
            final LocalEngine local = new LocalEngine(1);

            public int workers() { return 1; }

            public java.util.concurrent.CompletableFuture<Outcome> submit(Job job) {
                if (job.params().get("w").equals("10")) {
                    calls[0]++;
                    return java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("worker lost"));
                }
                return local.submit(job);
            }

            public String describe() { return "failing"; }

            public void close() { local.close(); }
        };
        try (RunStore store = RunStore.open(dir.resolve("f.db").toString())) {
            Sweep.Result r = Sweep.run(spec, failing, store, (d, run, e, b) -> {});
            failing.close();
            assertThat(r.failed()).isEqualTo(6);
            assertThat(calls[0]).isEqualTo(12); // 6 trials, each tried twice
            List<dev.anneal.store.Run> failed = store.list(RunFilter.all().withParent(r.id()).withStatus(RunStatus.FAILED));
            assertThat(failed).hasSize(6).allSatisfy(run -> {
                assertThat(run.message()).isEqualTo("failed 2 times; last: IllegalStateException: worker lost");
                assertThat(store.events(run.id())).extracting(dev.anneal.store.Event::type).containsExactly("retry");
            });
        }
    }

    @Test
    void a_template_that_does_not_bind_is_refused_before_anything_runs() {
        SweepSpec spec = SweepFile.parse(GRID.replace("warmup(${w}", "warmup(${w}, ${w}"), "grid");
        try (RunStore store = RunStore.open(dir.resolve("bad.db").toString()); LocalEngine engine = new LocalEngine(1)) {
            assertThatThrownBy(() -> Sweep.run(spec, engine, store, (d, r, e, b) -> {}))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("trial {peak=0.1, w=5}: ");
            assertThat(store.list(RunFilter.all().withKind(RunKind.TRIAL).withStatus(RunStatus.FINISHED))).isEmpty();
        }
    }

    /** A lab trial's optimizer would ignore a name it does not read: a typo is refused, naming it, before anything runs. */
    @Test
    void a_hyperparameter_the_optimizer_does_not_read_is_refused_before_anything_runs() {
        SweepSpec spec = SweepFile.parse(GRID.replace("schedules: {lr: ", "schedules: {momentun: \"0.9\", lr: "), "typo");
        try (RunStore store = RunStore.open(dir.resolve("typo.db").toString()); LocalEngine engine = new LocalEngine(1)) {
            assertThatThrownBy(() -> Sweep.run(spec, engine, store, (d, r, e, b) -> {}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("groups.default.momentun is not a hyperparameter of sgd (it reads dampening, lr, momentum, weight_decay)");
            assertThat(store.list(RunFilter.all().withKind(RunKind.TRIAL))).isEmpty();
        }
    }

    static Map<String, Double> metrics(Sweep.Result r) {
        return r.trials().stream().sorted(Comparator.comparing(t -> t.job().id()))
                .collect(Collectors.toMap(t -> t.job().id(), Sweep.Trial::metric));
    }
}
