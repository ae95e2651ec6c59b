package dev.anneal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {
    static final String GRID = """
            name: cli-grid
            task: {name: quadratic, dimension: 4, min: 0.1, max: 1}
            optimizer: sgd
            steps: 40
            every: 10
            schedules: {lr: "constant(${lr})"}
            space: {lr: [0.1, 0.5, 0.9]}
            seeds: [1, 2]
            """;

    @TempDir
    Path dir;

    @Test
    void a_grid_prints_its_best_configurations_first_and_a_second_run_reads_every_trial_back() throws Exception {
        Path file = Files.writeString(dir.resolve("grid.yaml"), GRID);
        String db = dir.resolve("runs.db").toString();
        Cli first = Cli.run("sweep", file.toString(), "--store", db, "--workers", "2", "-o", dir.resolve("out").toString());
        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(first.out()).contains("(cli-grid, grid, local, 2 workers)").contains("6 trials: 6 ran, 0 read back from the store, 0 failed");
        // no noise: GD with a larger constant rate (all below 1/λmax) ends lower from any start
        assertThat(first.lines()).anyMatch(l -> l.matches("1\\s+0\\.9\\s+40\\s+2\\s+.*"));
        assertThat(first.lines()).anyMatch(l -> l.matches("3\\s+0\\.1\\s+40\\s+2\\s+.*"));
        assertThat(dir.resolve("out/metric-vs-lr.png")).isNotEmptyFile();
        assertThat(dir.resolve("out/summary.txt")).isNotEmptyFile();
        assertThat(first.err()).contains("6/6 done, 0 running, best");

        Cli again = Cli.run("sweep", file.toString(), "--store", db);
        assertThat(again.out()).contains("6 trials: 0 ran, 6 read back from the store, 0 failed");
        Cli runs = Cli.run("runs", "list", "--store", db, "--kind", "trial");
        assertThat(runs.lines().stream().filter(l -> l.contains("cli-grid"))).hasSize(6);
    }

    @Test
    void the_pbt_winner_is_printed_and_written_as_a_schedule_set_that_replay_runs() throws Exception {
        Path file = Files.writeString(dir.resolve("pbt.yaml"), """
                name: cli-pbt
                task: {name: quadratic, dimension: 4, min: 0.1, max: 1, noise: 0.1}
                steps: 40
                every: 10
                schedules: {lr: "${lr}"}
                space: {lr: {range: [0.05, 0.9], scale: log}}
                strategy: {pbt: {population: 4, interval: 10, seed: 2}}
                """);
        Cli r = Cli.run("sweep", file.toString(), "--store", dir.resolve("runs.db").toString(), "-o", dir.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("PBT winner (member ").contains("written: " + dir.resolve("pbt-winner.yaml"));
        assertThat(dir.resolve("pbt-path-lr.png")).isNotEmptyFile();
        Cli replay = Cli.run("sweep", file.toString(), "--replay", dir.resolve("pbt-winner.yaml").toString());
        assertThat(replay.code()).as(replay.toString()).isZero();
        assertThat(replay.lines()).hasSize(6).first().isEqualTo("step\tloss");
        // the replay ends where the winner ended
        String winnerLoss = r.out().replaceAll("(?s).*PBT winner \\([^,]*, loss ([^)]*)\\).*", "$1");
        assertThat(replay.lines().getLast()).isEqualTo("40\t" + winnerLoss);
    }

    @Test
    void worker_processes_give_the_thread_pools_table() throws Exception {
        Path file = Files.writeString(dir.resolve("grid.yaml"), GRID);
        Cli threads = Cli.run("sweep", file.toString(), "--store", dir.resolve("a.db").toString(), "--workers", "2");
        Cli processes = Cli.run("sweep", file.toString(), "--store", dir.resolve("b.db").toString(), "--workers", "2", "--engine", "processes");
        assertThat(processes.code()).as(processes.toString()).isZero();
        assertThat(processes.out()).contains("(cli-grid, grid, processes, 2 workers)").contains("6 trials: 6 ran, 0 read back from the store, 0 failed");
        assertThat(ranked(processes)).hasSize(3).isEqualTo(ranked(threads));
    }

    /** The summary's rows: rank, value, steps, seeds, metric ± SE. */
    private static java.util.List<String> ranked(Cli r) {
        return r.lines().stream().filter(l -> l.matches("\\d\\s+0\\.\\d\\s+40\\s+2\\s+.*")).toList();
    }

    @Test
    void bad_input_is_a_clear_error_with_exit_code_2() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), GRID.replace("space: {lr: [0.1, 0.5, 0.9]}", "space: {lr: [0.1], mom: [1]}"));
        Cli r = Cli.run("sweep", file.toString(), "--store", dir.resolve("runs.db").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("anneal: " + file + ": space.mom is neither a placeholder of the schedules, nor optimizer, nor task.KEY\n");
        assertThat(Cli.run("sweep", dir.resolve("none.yaml").toString()).err()).contains("does not exist");
        assertThat(Cli.run("sweep", file.toString(), "--no-store").code()).isEqualTo(2);
        Path steps = Files.writeString(dir.resolve("steps.yaml"), GRID.replace("steps: 40", "steps: many"));
        Cli s = Cli.run("sweep", steps.toString(), "--store", dir.resolve("runs.db").toString());
        assertThat(s.code()).isEqualTo(2);
        assertThat(s.err()).contains("steps (\"many\") must be a whole number");
    }
}
