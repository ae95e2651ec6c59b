package dev.anneal.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anneal.store.RunFilter;
import dev.anneal.store.RunKind;
import dev.anneal.store.RunStatus;
import dev.anneal.store.RunStore;
import dev.anneal.store.SeriesKey;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real DJL + PyTorch training in reduced size: 256 images, batches of 32, one epoch (8 steps). */
class FashionMnistTrialTest {
    static final String GRID = """
            task: {name: fashion-mnist, model: mlp, limit: 256, test-limit: 200, batch: 32}
            optimizer: adam
            steps: 8
            every: 4
            schedules: {lr: "cosine(${peak}, steps=100%)"}
            space:
              peak: [0.001, 0.003]
            seeds: [7]
            """;

    @TempDir
    Path dir;

    @Test
    void a_two_trial_grid_trains_stores_each_trial_and_the_same_seed_gives_the_same_metric() {
        SweepSpec spec = SweepFile.parse(GRID, "fmnist");
        Map<String, Double> first, second;
        try (RunStore store = RunStore.open(dir.resolve("a.db").toString()); LocalEngine engine = new LocalEngine(2)) {
            Sweep.Result r = Sweep.run(spec, engine, store, (d, n, e, b) -> {});
            assertThat(r.ran()).isEqualTo(2);
            List<dev.anneal.store.Run> rows = store.list(RunFilter.all().withParent(r.id()));
            assertThat(rows).hasSize(2).allSatisfy(row -> {
                assertThat(row.kind()).isEqualTo(RunKind.TRIAL);
                assertThat(row.status()).isEqualTo(RunStatus.FINISHED);
                assertThat(store.points(row.id(), new SeriesKey("loss", ""))).hasSize(3); // steps 0, 4, 8
            });
            for (Sweep.Trial t : r.trials()) {
                double[] curve = t.outcome().curve();
                assertThat(store.get(t.job().id()).metrics().get("loss")).isEqualTo(curve[2]);
                assertThat(curve[0]).isBetween(1.5, 3.5); // untrained: about ln 10
                assertThat(curve[2]).isLessThan(curve[0]); // 8 Adam steps lower the test loss
            }
            first = metrics(r);
        }
        try (RunStore store = RunStore.open(dir.resolve("b.db").toString()); LocalEngine engine = new LocalEngine(1)) {
            second = metrics(Sweep.run(spec, engine, store, (d, n, e, b) -> {}));
        }
        assertThat(second).isEqualTo(first);
        assertThat(first.values()).doesNotHaveDuplicates(); // the two learning rates train differently
    }

    @Test
    void a_bad_key_or_model_is_named_before_anything_runs() {
        assertThatThrownBy(() -> SweepFile.parse(GRID.replace("model: mlp", "model: resnet"), "x"))
                .hasMessageContaining("model (resnet) must be one of mlp, cnn, lstm");
        assertThatThrownBy(() -> SweepFile.parse(GRID.replace("batch: 32", "batch: 0"), "x"))
                .hasMessageContaining("task.batch (0) must be a whole number >= 1");
        assertThatThrownBy(() -> SweepFile.parse(GRID.replace("batch: 32", "epochz: 1"), "x"))
                .hasMessageContaining("task.epochz: unknown key for fashion-mnist");
    }

    private static Map<String, Double> metrics(Sweep.Result r) {
        return r.trials().stream().collect(Collectors.toMap(t -> t.job().params().toString(), t -> t.outcome().metric()));
    }
}
