package dev.anneal.bench.optim;

import dev.anneal.bench.CommandRun;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code anneal bench optim}: the table's shape and arithmetic (never its timings: those belong to the benchmark
 * itself), and option errors with exit code 2.
 */
class BenchOptimCommandTest {

    @Test
    void bench_tinyRun_printsOneRowPerSizeAndThreadCount_withConsistentArithmetic() {
        CommandRun r = CommandRun.of(new BenchOptimCommand(), "--sizes", "2K,2500", "--threads", "1,2", "--seconds", "0.05");
        assertThat(r.code()).as(r.toString()).isZero();
        List<String> rows = r.lines().stream().filter(l -> l.matches("\\| \\d.*")).toList();
        assertThat(rows).hasSize(4);
        assertThat(rows.stream().map(l -> l.split("\\|")[1].trim() + "/" + l.split("\\|")[2].trim()))
                .containsExactly("2K/1", "2K/2", "2500/1", "2500/2");
        for (String row : rows) {
            String[] c = row.split("\\|");
            double triad = Double.parseDouble(c[3].trim());
            // GB/s = Mparam/s · bytes / 1000, and % of bound = GB/s / triad GB/s (each printed rounded)
            checkRule(c[4], c[5], c[6], 28, triad, row);
            checkRule(c[7], c[8], c[9], 20, triad, row);
        }
        assertThat(r.out()).contains("kernels Adam vector (FloatVector").contains("SGD scalar");
    }

    private static void checkRule(String mparams, String gbs, String percent, int bytes, double triad, String row) {
        double rate = Double.parseDouble(mparams.trim()), moved = Double.parseDouble(gbs.trim());
        double pct = Double.parseDouble(percent.trim().replace("%", ""));
        assertThat(moved).as(row).isCloseTo(rate * bytes / 1000, within(0.05 + rate * bytes / 1000 * 0.01));
        if (triad >= 1) assertThat(pct).as(row).isCloseTo(100 * moved / triad, within(1 + 100 * (0.05 / triad + 0.05 * moved / triad / triad)));
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
        assertThat(t.err()).contains("--threads (0) must be >= 1");
        CommandRun s = CommandRun.of(new BenchOptimCommand(), "--sizes", "1K", "--seconds", "-1");
        assertThat(s.code()).isEqualTo(2);
        assertThat(s.err()).contains("--seconds (-1.0) must be in (0, 3600]");
    }
}
