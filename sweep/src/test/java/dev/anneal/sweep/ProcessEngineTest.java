package dev.anneal.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Trials in child JVMs: the same outcomes as threads, Fashion-MNIST trials side by side, and workers that die. */
class ProcessEngineTest {

    /** Two Fashion-MNIST trials at once, which one JVM cannot run (one gradient collector per process). */
    @Test
    void fashion_mnist_trials_in_two_worker_processes_give_the_outcomes_of_threads_bit_for_bit() {
        List<Job> jobs = Sweep.trials(SweepFile.parse(FashionMnistTrialTest.GRID, "processes"));
        assertThat(jobs).hasSize(2);
        Map<String, Outcome> inProcesses, inThreads;
        try (ProcessEngine engine = new ProcessEngine(2)) {
            inProcesses = runAll(engine, jobs);
        }
        try (LocalEngine engine = new LocalEngine(1)) {
            inThreads = runAll(engine, jobs);
        }
        for (Job job : jobs) {
            assertThat(inProcesses.get(job.id()).curve()).as(job.params().toString()).containsExactly(inThreads.get(job.id()).curve());
        }
    }

    /** A trial that throws in the worker fails in the driver with the original exception's class and message. */
    @Test
    void a_trial_that_throws_fails_with_its_own_message_and_the_worker_serves_the_next() {
        Job missing = Sweep.trials(SweepFile.parse(FashionMnistTrialTest.GRID.replace("batch: 32", "batch: 32, data: /nowhere"), "missing")).getFirst();
        Job fine = Sweep.trials(SweepFile.parse(SweepTest.GRID, "fine")).getFirst();
        try (ProcessEngine engine = new ProcessEngine(1)) {
            assertThatThrownBy(() -> engine.submit(missing).join()).isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(Worker.TrialFailed.class).hasMessageStartingWith("IllegalArgumentException: ").hasMessageContaining("/nowhere");
            assertThat(engine.submit(fine).join().curve()).containsExactly(fine.run().curve());
        }
    }

    /** A worker killed in the middle of a long trial: that trial fails, saying so, and a new worker runs the next. */
    @Test
    void a_worker_killed_mid_trial_fails_that_trial_and_is_replaced() throws Exception {
        Job slow = Sweep.trials(SweepFile.parse("""
                task: {name: quadratic, dimension: 200000, min: 0.1, max: 1}
                optimizer: sgd
                steps: 10000000
                every: 10000000
                schedules: {lr: "constant(0.1)"}
                space: {}
                seeds: [1]
                """, "slow")).getFirst();
        Job fine = Sweep.trials(SweepFile.parse(SweepTest.GRID, "fine")).getFirst();
        try (ProcessEngine engine = new ProcessEngine(1)) {
            CompletableFuture<Outcome> running = engine.submit(slow);
            ProcessHandle worker = null;
            for (int i = 0; i < 600 && worker == null; i++) {
                worker = engine.processes().stream().findFirst().orElse(null);
                if (worker == null) Thread.sleep(50);
            }
            assertThat(worker).as("a worker process started").isNotNull();
            worker.destroyForcibly();
            assertThatThrownBy(() -> running.orTimeout(120, TimeUnit.SECONDS).join()).isInstanceOf(CompletionException.class)
                    .hasMessageContaining("the worker process").hasMessageContaining("during trial " + slow.id());
            assertThat(engine.submit(fine).join().curve()).containsExactly(fine.run().curve());
        }
    }

    private static Map<String, Outcome> runAll(Engine engine, List<Job> jobs) {
        Map<String, CompletableFuture<Outcome>> futures = jobs.stream().collect(Collectors.toMap(Job::id, engine::submit));
        return futures.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().join()));
    }
}
