package dev.anneal.bench.optim;

import dev.anneal.bench.CommandRun;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code anneal bench optim}: the table's shape and roofline arithmetic (never its timings: those belong to the benchmark
 * itself), and option errors with exit code 2.
 */
class BenchOptimCommandTest {

    @Test
    void bench_tinyRun_printsOneRowPerSizeAndThreadCount_withTheRooflineArithmetic() {
        CommandRun r = CommandRun.of(new BenchOptimCommand(), "--sizes", "2K,2500", "--threads", "1,2", "--seconds", "0.05");
        assertThat(r.code()).as(r.toString()).isZero();
        List<String> rows = r.lines().stream().filter(l -> l.matches("\\| \\d.*")).toList();
        assertThat(rows).hasSize(4);
        assertThat(rows.stream().map(l -> l.split("\\|")[1].trim() + "/" + l.split("\\|")[2].trim()))
                .containsExactly("2K/1", "2K/2", "2500/1", "2500/2");
        for (String row : rows) {
            String[] c = row.split("\\|");
            checkRule(c, 3, row);   // AdamW
            checkRule(c, 7, row);   // SGD-momentum
        }
        assertThat(r.out()).contains("kernels Adam vector (FloatVector").contains("SGD scalar").contains("split: chunks of 32768")
                .containsPattern("load (\\d+\\.\\d+ ){2}\\d+\\.\\d+").contains("load at the end: ");
        assertThat(r.lines()).contains("| parameters | threads | AdamW | AdamW pattern | AdamW in cache | AdamW % of roofline "
                + "| SGD-momentum | SGD-momentum pattern | SGD-momentum in cache | SGD-momentum % of roofline |");
    }

    /** % of roofline = update / min(pattern, in cache), from the printed (rounded) rates. */
    private static void checkRule(String[] c, int first, String row) {
        double update = Double.parseDouble(c[first].trim()), pattern = Double.parseDouble(c[first + 1].trim());
        double inCache = Double.parseDouble(c[first + 2].trim()), percent = Double.parseDouble(c[first + 3].trim().replace("%", ""));
        assertThat(update).as(row).isPositive();
        double bound = Math.min(pattern, inCache);
        // each rate is printed to 0.05 Mparam/s, the percentage to 0.5
        double slack = 100 * (0.05 / bound + 0.05 * update / (bound * bound)) + 0.5;
        assertThat(percent).as(row).isCloseTo(100 * update / bound, within(slack));
    }

    @Test
    void bench_slices_namesTheSplit() {
        CommandRun r = CommandRun.of(new BenchOptimCommand(), "--sizes", "1K", "--threads", "2", "--seconds", "0.02", "--split", "slices");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("split: one slice per thread");
    }

    @Test
    void bench_badSize_exit2NamingTheOption() {
        CommandRun r = CommandRun.of(new BenchOptimCommand(), "--sizes", "10X");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--sizes (10X) must be a count like 1000, 500K or 10M").doesNotContain("Exception");
        assertThat(CommandRun.of(new BenchOptimCommand(), "--sizes", "0").err()).contains("--sizes (0) must be in [1, 200M]");
    }

    @Test
    void bench_badThreadsOrSeconds_exit2() {
        CommandRun t = CommandRun.of(new BenchOptimCommand(), "--sizes", "1K", "--threads", "0");
        assertThat(t.code()).isEqualTo(2);
        assertThat(t.err()).contains("--threads (0) must be in [1, 1024]");
        CommandRun s = CommandRun.of(new BenchOptimCommand(), "--sizes", "1K", "--seconds", "-1");
        assertThat(s.code()).isEqualTo(2);
        assertThat(s.err()).contains("--seconds (-1.0) must be in (0, 3600]");
        CommandRun split = CommandRun.of(new BenchOptimCommand(), "--sizes", "1K", "--split", "stripes");
        assertThat(split.code()).isEqualTo(2);
        assertThat(split.err()).contains("--split (stripes) must be chunks or slices");
    }
}
