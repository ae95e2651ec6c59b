package dev.anneal.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.optim.ScheduleSet;
import dev.anneal.schedule.Schedule;
import dev.anneal.store.RunFilter;
import dev.anneal.store.RunStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PbtTest {
    static final String PBT = """
            task: {name: quadratic, dimension: 8, min: 0.05, max: 1, noise: 0.2}
            optimizer: sgd
            steps: 60
            every: 5
            schedules: {lr: "${lr}", momentum: "${m}"}
            space:
              lr: {range: [0.01, 1.5], scale: log}
              m: {range: [0.0, 0.9]}
            seeds: [11]
            strategy: {pbt: {population: 6, interval: 10, quantile: 0.34, perturb: [0.5, 2.0], seed: 4}}
            """;

    @TempDir
    Path dir;

    @Test
    void the_exported_schedule_set_replays_the_winners_trajectory_exactly() throws Exception {
        SweepSpec spec = SweepFile.parse(PBT, "pbt");
        try (RunStore store = RunStore.open(dir.resolve("pbt.db").toString()); LocalEngine engine = new LocalEngine(2)) {
            Sweep.Result r = Sweep.run(spec, engine, store, (d, run, e, b) -> {});
            assertThat(r.trials()).hasSizeLessThanOrEqualTo(36); // 6 members × 6 generations, fewer when two coincide
            assertThat(store.list(RunFilter.all().withParent(r.id()))).hasSameSizeAs(r.trials());
            Sweep.Pbt pbt = r.pbt().orElseThrow();
            assertThat(pbt.winner().job().budget()).isEqualTo(60);
            assertThat(pbt.lineage()).hasSize(6);

            Path file = Files.writeString(dir.resolve("winner.yaml"), pbt.scheduleSetYaml());
            ScheduleSet set = ScheduleSet.read(file);
            // piecewise where it changed: each hyperparameter follows the lineage's value of each generation
            for (String name : List.of("lr", "momentum")) {
                Schedule s = set.group(set.groups().getFirst()).get(name);
                for (long t = 0; t < 60; t++) {
                    SortedMap<String, String> values = pbt.lineage().get((int) (t / 10));
                    assertThat(s.at(t)).as(name + " at " + t).isEqualTo(Double.parseDouble(values.get(name.equals("lr") ? "lr" : "m")));
                }
            }
            // the winner's lineage changed its hyperparameters at least once (the worst third is replaced every generation)
            assertThat(r.pbt().get().histories()).anySatisfy(h -> assertThat(h.stream().distinct().count()).isGreaterThan(1));

            Outcome replay = LabTrial.run(pbt.winner().job().setup(), set, 60);
            assertThat(replay.curve()).containsExactly(pbt.winner().outcome().curve());
        }
    }

    @Test
    void pbt_is_deterministic_for_its_seed_whatever_the_workers() {
        SweepSpec spec = SweepFile.parse(PBT, "pbt");
        Sweep.Result one, two;
        try (RunStore store = RunStore.open(dir.resolve("a.db").toString()); LocalEngine engine = new LocalEngine(1)) {
            one = Sweep.run(spec, engine, store, (d, run, e, b) -> {});
        }
        try (RunStore store = RunStore.open(dir.resolve("b.db").toString()); LocalEngine engine = new LocalEngine(2)) {
            two = Sweep.run(spec, engine, store, (d, run, e, b) -> {});
        }
        assertThat(two.pbt().get().lineage()).isEqualTo(one.pbt().get().lineage());
        assertThat(SweepTest.metrics(two)).isEqualTo(SweepTest.metrics(one));
    }
}
