package dev.anneal.spark;

import dev.anneal.sweep.Engine;
import dev.anneal.sweep.Job;
import dev.anneal.sweep.LocalEngine;
import dev.anneal.sweep.Outcome;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Trials as Spark tasks: each trial is a one-task job submitted from its own driver thread, so results come back as
 * they finish (the sweep records each at once, and ASHA decides as it goes) and at most {@code workers} run at once.
 * Executors only compute; the driver writes the store. {@code local[*]} by default, a cluster by its master URL.
 */
public final class SparkEngine implements Engine {
    private final JavaSparkContext spark;
    private final boolean owned;
    private final int workers;
    private final ExecutorService drivers;

    /** Starts a Spark context at {@code master}; {@code workers} ≤ 0 means Spark's default parallelism. */
    public static SparkEngine start(String master, int workers) {
        quietLogs();
        SparkConf conf = new SparkConf().setMaster(master).setAppName("anneal sweep")
                .set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false");
        return new SparkEngine(new JavaSparkContext(conf), true, workers);
    }

    /** An engine on a context the caller owns (and stops): tests share one. */
    public static SparkEngine on(JavaSparkContext spark, int workers) {
        return new SparkEngine(spark, false, workers);
    }

    private SparkEngine(JavaSparkContext spark, boolean owned, int workers) {
        this.spark = spark;
        this.owned = owned;
        this.workers = workers > 0 ? workers : spark.defaultParallelism();
        this.drivers = LocalEngine.daemons(this.workers, "sweep-spark-driver");
    }

    @Override
    public int workers() {
        return workers;
    }

    @Override
    public CompletableFuture<Outcome> submit(Job job) {
        return CompletableFuture.supplyAsync(
                () -> spark.parallelize(List.of(job), 1).map(SparkEngine::run).collect().getFirst(), drivers);
    }

    private static Outcome run(Job job) {
        return job.run();
    }

    @Override
    public String describe() {
        return "spark " + spark.master() + ", " + workers + (workers == 1 ? " worker" : " workers");
    }

    @Override
    public void close() {
        drivers.shutdownNow();
        if (owned) spark.stop();
    }

    /** Spark logs at INFO to the console by default: keep warnings only, unless the user configured log4j. */
    private static void quietLogs() {
        if (System.getProperty("log4j2.configurationFile") == null) {
            var quiet = SparkEngine.class.getResource("log4j2-quiet.properties");
            if (quiet != null) System.setProperty("log4j2.configurationFile", quiet.toString());
        }
    }
}
