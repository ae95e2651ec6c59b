package dev.anneal.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code anneal bench}: the dispatch to {@code optim} and {@code train}, and exit 2 for anything else. */
class BenchCommandTest {

    @Test
    void bench_unknownTarget_exit2NamingTheTargets() {
        Cli r = Cli.run("bench", "schedules");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("bench target (schedules) must be optim, train, store, serve or sweep").doesNotContain("Exception");
    }

    @Test
    void bench_noTarget_exit2() {
        Cli r = Cli.run("bench");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("bench target (none) must be optim, train, store, serve or sweep");
    }

    /** The benchmarks live in bench-runtime; their bad options reach the user as every command's do. */
    @Test
    void bench_badOptionOfAMovedBenchmark_exit2WithoutStackTrace() {
        Cli optim = Cli.run("bench", "optim", "--sizes", "1K", "--threads", "0");
        assertThat(optim.code()).isEqualTo(2);
        assertThat(optim.err()).contains("anneal: --threads (0) must be in [1, 1024]").doesNotContain("Exception");
        Cli train = Cli.run("bench", "train", "--limit", "0");
        assertThat(train.code()).isEqualTo(2);
        assertThat(train.err()).contains("anneal: --limit (0) must be in [1, 60000]").doesNotContain("Exception");
    }

    @Test
    void bench_help_listsBothTargets() {
        Cli r = Cli.run("bench", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("optim").contains("train");
    }
}
