package dev.anneal.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.store.RunFilter;
import dev.anneal.store.RunStore;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ASHA on a sweep whose outcome is known: plain gradient descent on a quadratic with curvatures in [0.1, 1] and
 * constant rates up to 0.9 contracts every coordinate by 1 − lr·λ per step, so at every step a larger rate has the
 * lower loss. With one worker the order of results is fixed, and asynchronous successive halving's decisions can
 * be worked out by hand (see each test).
 */
class AshaTest {
    static String sweep(String rates) {
        return """
                task: {name: quadratic, dimension: 8, min: 0.1, max: 1}
                optimizer: sgd
                steps: 45
                every: 5
                schedules: {lr: "constant(${lr})"}
                space: {lr: %s}
                seeds: [3]
                strategy: {asha: {trials: 9, min_steps: 5, eta: 3}}
                """.formatted(rates);
    }

    @TempDir
    Path dir;

    /**
     * Best first: rung 0 fills with 0.9, 0.8, 0.7 and promotes 0.9 (top 1 of 3); 0.6 to 0.4 add no new top third;
     * at six done the top two of rung 0 are 0.9 and 0.8: 0.8 goes up; at nine, 0.7 goes up; rung 1 then holds three
     * and promotes 0.9 to the last rung. This is synchronous successive halving's outcome.
     */
    @Test
    void best_first_asha_keeps_only_the_best_to_the_end() {
        Map<String, Long> reached = reached(sweep("[0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1]"));
        assertThat(reached).isEqualTo(Map.of("0.9", 45L, "0.8", 15L, "0.7", 15L, "0.6", 5L, "0.5", 5L, "0.4", 5L,
                "0.3", 5L, "0.2", 5L, "0.1", 5L));
    }

    /**
     * Worst first, every new trial is the best so far at rung 0: 0.3 goes up at three done, 0.4 at four, 0.5 at five
     * (and on to the last rung when rung 1 holds three), and so on; asynchronous halving promotes what looks good
     * when it is seen, so only 0.1 and 0.2 stop at rung 0 and 0.3, 0.4 at rung 1.
     */
    @Test
    void worst_first_asha_promotes_each_new_best_as_it_comes() {
        Map<String, Long> reached = reached(sweep("[0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]"));
        assertThat(reached).isEqualTo(Map.of("0.1", 5L, "0.2", 5L, "0.3", 15L, "0.4", 15L, "0.5", 45L, "0.6", 45L,
                "0.7", 45L, "0.8", 45L, "0.9", 45L));
    }

    /**
     * Worst first, asynchronous promotions run 21 jobs where synchronous halving counts 13 (9 + 3 + 1): the progress
     * line's total grows with them, so on two workers it never shows every job done while one still runs.
     */
    @Test
    void the_progress_line_is_full_only_at_the_end_when_promotions_outnumber_the_expected_count() {
        List<int[]> progress = new java.util.ArrayList<>();
        try (RunStore store = RunStore.open(dir.resolve("progress.db").toString()); LocalEngine engine = new LocalEngine(2)) {
            Sweep.Result r = Sweep.run(SweepFile.parse(sweep("[0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]"), "asha"), engine, store,
                    (done, running, expected, best) -> progress.add(new int[] {done, running, expected}));
            assertThat(r.trials().size()).as("more than the synchronous count").isGreaterThan(13);
            for (int[] p : progress) {
                if (p[1] > 0) assertThat(p[0] + p[1]).as("done %d + running %d", p[0], p[1]).isLessThanOrEqualTo(p[2]);
            }
            assertThat(progress.getLast()).containsExactly(r.trials().size(), 0, r.trials().size());
        }
    }

    @Test
    void rungs_grow_by_eta_and_end_at_the_runs_steps() {
        assertThat(AshaPlanner.budgets(5, 3, 45)).containsExactly(5, 15, 45);
        assertThat(AshaPlanner.budgets(5, 3, 100)).containsExactly(5, 15, 45, 100);
        assertThat(AshaPlanner.budgets(200, 3, 100)).containsExactly(100);
    }

    /** The longest budget each rate trained for, from the store. */
    private Map<String, Long> reached(String yaml) {
        try (RunStore store = RunStore.open(dir.resolve("asha.db").toString()); LocalEngine engine = new LocalEngine(1)) {
            Sweep.Result r = Sweep.run(SweepFile.parse(yaml, "asha"), engine, store, (d, run, e, b) -> {});
            List<dev.anneal.store.Run> rows = store.list(RunFilter.all().withParent(r.id()));
            assertThat(rows).hasSameSizeAs(r.trials());
            return rows.stream().collect(Collectors.toMap(t -> t.config().get("param.lr"),
                    t -> Long.parseLong(t.config().get("steps")), Math::max, TreeMap::new));
        }
    }
}
