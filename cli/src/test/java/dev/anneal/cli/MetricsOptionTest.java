package dev.anneal.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code eval --metrics}: values for ReduceLROnPlateau, and errors that quote the option and the offending item. */
class MetricsOptionTest {
    /** lr 1, halved after every step that does not improve on the best metric (patience 0). */
    private static final String PLATEAU = "torch.ReduceLROnPlateau(lr=1, factor=0.5, patience=0)";

    @TempDir
    Path dir;

    /** Metric 1 sets the best; the next two are no better, so the lr halves after each: 1, 1, 0.5, 0.25. */
    @Test
    void metrics_inline_valueAfterKCallsFollowsTheFirstKMetrics() {
        Cli r = Cli.run("eval", PLATEAU, "--metrics", "1,1,1");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.lines()).containsExactly("0\t1.0", "1\t1.0", "2\t0.5", "3\t0.25");
    }

    @Test
    void metrics_file_skipsBlankLines() throws Exception {
        Path file = Files.writeString(dir.resolve("m.txt"), "1\n\n 0.5 \n0.5\n");
        Cli r = Cli.run("eval", PLATEAU, "--metrics", "@" + file);
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.lines()).containsExactly("0\t1.0", "1\t1.0", "2\t1.0", "3\t0.5");
    }

    @ParameterizedTest(name = "--metrics {0}")
    @CsvSource(delimiter = '|', textBlock = """
            1,x,3         | --metrics (1,x,3): value 2 ('x') must be a decimal number such as 0.25 or 1e-3
            1,,3          | --metrics (1,,3): value 2 ('') must be a decimal number such as 0.25 or 1e-3
            1,NaN         | --metrics (1,NaN): value 2 ('NaN') must be a decimal number such as 0.25 or 1e-3
            0.5,-Infinity | --metrics (0.5,-Infinity): value 2 ('-Infinity') must be a decimal number such as 0.25 or 1e-3
            1,1e999       | --metrics (1,1e999): value 2 (1e999) must be a finite number
            """)
    void metrics_badItem_exit2QuotingOptionAndItem(String option, String message) {
        Cli r = Cli.run("eval", PLATEAU, "--metrics", option);
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("anneal: " + message + System.lineSeparator());
    }

    @Test
    void metrics_badLineOfFile_namesTheLine() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.txt"), "1\n\nabc\n");
        Cli r = Cli.run("eval", PLATEAU, "--metrics", "@" + file);
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--metrics (@" + file + "): line 3 ('abc') must be a decimal number such as 0.25 or 1e-3");
    }

    @Test
    void metrics_fileOfBlankLines_mustGiveAValue() throws Exception {
        Path file = Files.writeString(dir.resolve("blank.txt"), "\n \n");
        Cli r = Cli.run("eval", PLATEAU, "--metrics", "@" + file);
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--metrics (@" + file + ") must give at least one value");
    }

    @Test
    void metrics_missingFile_exit2QuotingIt() {
        Path file = dir.resolve("none.txt");
        Cli r = Cli.run("eval", PLATEAU, "--metrics", "@" + file);
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--metrics (@" + file + "): cannot read " + file).doesNotContain("\tat ");
    }

    @Test
    void metrics_fewerThanTheSteps_exit2QuotingBoth() {
        Cli r = Cli.run("eval", PLATEAU, "--metrics", "1,1,1", "--steps", "0:6");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--steps (0:6): step 4 needs 4 metrics, but --metrics (1,1,1) gave 3");
    }

    @Test
    void metrics_forAnOpenLoopSchedule_exit2QuotingTheValue() {
        Cli r = Cli.run("eval", "constant(1)", "--steps", "0:3", "--metrics", "1,2");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--metrics (1,2): constant(1) is open-loop and takes no metrics");
    }
}
