package dev.anneal.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/** One local[2] context for every Spark test of this JVM (starting one takes seconds); stopped at exit. */
final class SharedSpark {
    private static JavaSparkContext context;

    private SharedSpark() {}

    static synchronized JavaSparkContext get() {
        if (context == null) {
            context = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("anneal-test")
                    .set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false"));
            Runtime.getRuntime().addShutdownHook(new Thread(context::stop));
        }
        return context;
    }
}
