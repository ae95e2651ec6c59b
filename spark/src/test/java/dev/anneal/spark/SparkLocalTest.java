package dev.anneal.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Spark 4 runs in local[2] on JDK 25 with the module flags of this module's surefire configuration. */
class SparkLocalTest {
    @Test
    void localTwo_runsAJobAcrossTwoWorkers() {
        SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("anneal-test").set("spark.ui.enabled", "false");
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            List<Integer> xs = IntStream.range(0, 100).boxed().toList();
            long sumOfSquares = sc.parallelize(xs, 8).map(x -> (long) x * x).reduce(Long::sum);
            assertThat(sumOfSquares).isEqualTo(99L * 100 * 199 / 6);
            assertThat(sc.defaultParallelism()).isEqualTo(2);
        }
    }
}
