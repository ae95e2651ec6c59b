package dev.anneal.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SweepFileTest {
    static final String BASE = """
            task: {name: quadratic, dimension: 4}
            steps: 100
            schedules: {lr: "warmup(${w}, cosine(${peak}, steps=100%))"}
            space: {w: [5, 10], peak: {range: [0.01, 1], scale: log, count: 3}}
            """;

    @Test
    void a_file_reads_into_its_parts_with_defaults() {
        SweepSpec s = SweepFile.parse(BASE, "fallback");
        assertThat(s.name()).isEqualTo("fallback");
        assertThat(s.optimizer()).isEqualTo("sgd");
        assertThat(s.every()).isEqualTo(1);
        assertThat(s.seeds()).containsExactly(0L);
        assertThat(s.retries()).isEqualTo(2);
        assertThat(s.strategy()).isEqualTo(new Strategy.Grid());
        assertThat(s.space().get("peak").grid()).containsExactly("0.01", "0.1", "1");
        assertThat(SweepFile.parse(BASE + "seeds: 3\n", "x").seeds()).containsExactly(0L, 1L, 2L);
        assertThat(SweepFile.parse(BASE + "strategy: {asha: {trials: 9, min_steps: 5}}\n", "x").strategy())
                .isEqualTo(new Strategy.Asha(9, 0, 5, 3));
    }

    @Test
    void a_setup_fills_placeholders_and_task_keys_and_the_same_file_has_the_same_id() {
        SweepSpec s = SweepFile.parse(BASE.replace("space: {", "space: {task.noise: [0, 0.5], optimizer: [sgd, adam], "), "x");
        Setup setup = s.setup(new TreeMap<>(Map.of("w", "5", "peak", "0.1", "task.noise", "0.5", "optimizer", "adam")), 7);
        assertThat(setup.schedules()).containsExactly(Map.entry("lr", "warmup(5, cosine(0.1, steps=100%))"));
        assertThat(setup.task()).containsEntry("noise", "0.5").containsEntry("name", "quadratic");
        assertThat(setup.optimizer()).isEqualTo("adam");
        assertThat(setup.scheduleSetYaml()).isEqualTo("total: 100\ndefaults:\n  lr: \"warmup(5, cosine(0.1, steps=100%))\"\n");
        assertThat(SweepFile.parse(BASE, "x").id()).isEqualTo(SweepFile.parse(BASE, "x").id())
                .isNotEqualTo(SweepFile.parse(BASE.replace("steps: 100", "steps: 101"), "x").id()).hasSize(32);
    }

    @Test
    void errors_name_their_key() {
        assertThatThrownBy(() -> SweepFile.parse(BASE + "speed: 3\n", "x")).hasMessageStartingWith("speed: unknown key");
        assertThatThrownBy(() -> SweepFile.parse(BASE.replace("steps: 100\n", ""), "x")).hasMessage("steps: required (the steps of every trial)");
        assertThatThrownBy(() -> SweepFile.parse(BASE.replace("name: quadratic", "name: cube"), "x"))
                .hasMessage("task.name (cube) must be one of quadratic, rugged");
        assertThatThrownBy(() -> SweepFile.parse(BASE.replace("{w: [5, 10], ", "{"), "x"))
                .hasMessage("schedules use ${w}, which the space does not define");
        assertThatThrownBy(() -> SweepFile.parse(BASE.replace("scale: log", "scale: cubic"), "x"))
                .hasMessage("space.peak.scale (cubic) must be linear or log");
        assertThatThrownBy(() -> SweepFile.parse(BASE.replace("[0.01, 1]", "[0, 1]"), "x"))
                .hasMessage("space.peak: a log range needs lo > 0, got 0.0");
        assertThatThrownBy(() -> SweepFile.parse(BASE + "strategy: annealing\n", "x")).hasMessageStartingWith("strategy: expected grid, random, asha or pbt");
        assertThatThrownBy(() -> SweepFile.parse(BASE + "strategy: {asha: {eta: 1}}\n", "x")).hasMessage("strategy.asha.eta (1) must be >= 2");
        assertThatThrownBy(() -> SweepFile.parse(BASE + "strategy: pbt\n", "x"))
                .hasMessage("space.w: PBT perturbs numeric ranges used as placeholders of the schedules only");
        assertThatThrownBy(() -> SweepFile.parse("- a\n", "x")).hasMessageStartingWith("a sweep file must be a mapping");
    }

    @Test
    void random_draws_are_distinct_seeded_and_inside_the_range() {
        Map<String, Domain> space = new java.util.LinkedHashMap<>();
        space.put("a", new Domain.Span(1e-3, 1, true, 5, false));
        space.put("b", new Domain.Listed(List.of("x", "y")));
        var draws = Planner.sample(space, 50, 9);
        assertThat(draws).hasSize(50).doesNotHaveDuplicates().isEqualTo(Planner.sample(space, 50, 9));
        assertThat(draws).allSatisfy(d -> assertThat(Double.parseDouble(d.get("a"))).isBetween(1e-3, 1.0));
        // log-uniform: about half the draws fall below the geometric middle 10^-1.5
        long low = draws.stream().filter(d -> Double.parseDouble(d.get("a")) < Math.pow(10, -1.5)).count();
        assertThat(low).isBetween(15L, 35L);
        // a finite space no larger than the draws is taken whole, in grid order
        assertThat(Planner.sample(Map.of("b", new Domain.Listed(List.of("x", "y"))), 5, 1))
                .containsExactly(new TreeMap<>(Map.of("b", "x")), new TreeMap<>(Map.of("b", "y")));
        assertThat(new Domain.Span(1, 3, false, 3, true).sample(new SplittableRandom(1))).matches("[123]");
    }
}
