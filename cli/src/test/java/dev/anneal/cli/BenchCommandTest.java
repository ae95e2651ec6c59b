package dev.anneal.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code anneal bench}: the dispatch to {@code optim} and {@code train}, and exit 2 for anything else. */
class BenchCommandTest {

    @Test
    void bench_unknownTarget_exit2NamingTheTargets() {
        Cli r = Cli.run("bench", "schedules");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("bench target (schedules) must be optim, train, store or sweep").doesNotContain("Exception");
    }

    @Test
    void bench_noTarget_exit2() {
        Cli r = Cli.run("bench");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("bench target (none) must be optim, train, store or sweep");
    }

    @Test
    void bench_help_listsBothTargets() {
        Cli r = Cli.run("bench", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("optim").contains("train");
    }
}
