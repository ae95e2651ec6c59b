package dev.anneal.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.store.RunFilter;
import dev.anneal.store.RunStatus;
import dev.anneal.store.RunStore;
import dev.anneal.sweep.LocalEngine;
import dev.anneal.sweep.Sweep;
import dev.anneal.sweep.SweepFile;
import dev.anneal.sweep.SweepSpec;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Spark 4 in local[2] on JDK 25 (the module flags are in this module's surefire argLine); one context for all. */
class SparkSweepTest {
    static JavaSparkContext spark;

    static final String SWEEP = """
            task: {name: quadratic, dimension: 8, min: 0.1, max: 1, noise: 0.05}
            optimizer: sgd
            steps: 60
            every: 10
            schedules: {lr: "warmup(${w}, cosine(${peak}, steps=100%))", momentum: "${m}"}
            space:
              w: [5, 10]
              peak: {range: [0.1, 1.0], scale: log, count: 3}
              m: [0, 0.5]
            seeds: [1, 2]
            """;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SharedSpark.get();
    }

    @Test
    void local_two_runs_a_job_across_two_workers() {
        List<Integer> xs = IntStream.range(0, 100).boxed().toList();
        long sumOfSquares = spark.parallelize(xs, 8).map(x -> (long) x * x).reduce(Long::sum);
        assertThat(sumOfSquares).isEqualTo(99L * 100 * 199 / 6);
        assertThat(spark.defaultParallelism()).isEqualTo(2);
    }

    @Test
    void a_sweep_on_spark_gives_the_trial_results_of_the_local_engine_and_reads_them_back_on_a_second_run() {
        SweepSpec spec = SweepFile.parse(SWEEP, "spark");
        Map<String, Double> onSpark, local;
        try (RunStore store = RunStore.open(dir.resolve("spark.db").toString()); SparkEngine engine = SparkEngine.on(spark, 2)) {
            Sweep.Result r = Sweep.run(spec, engine, store, (d, run, e, b) -> {});
            assertThat(r.ran()).isEqualTo(24);
            assertThat(store.list(RunFilter.all().withParent(r.id()).withStatus(RunStatus.FINISHED))).hasSize(24);
            onSpark = metrics(r);
            Sweep.Result again = Sweep.run(spec, engine, store, (d, run, e, b) -> {});
            assertThat(again.ran()).isZero();
            assertThat(again.reused()).isEqualTo(24);
        }
        try (RunStore store = RunStore.open(dir.resolve("local.db").toString()); LocalEngine engine = new LocalEngine(2)) {
            local = metrics(Sweep.run(spec, engine, store, (d, run, e, b) -> {}));
        }
        assertThat(onSpark).isEqualTo(local).hasSize(24);
    }

    static Map<String, Double> metrics(Sweep.Result r) {
        return r.trials().stream().sorted(Comparator.comparing(t -> t.job().id()))
                .collect(Collectors.toMap(t -> t.job().id(), Sweep.Trial::metric));
    }
}
