package dev.anneal.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LabCommandTest {
    @Test
    void lab_runsChosenStudies_writesReportAndPrintsVerdicts(@TempDir Path dir) throws IOException {
        Cli r = Cli.run("lab", "S43", "S16", "--reduced", "--seeds", "5", "--jobs", "2", "-o", dir.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.lines().get(0)).startsWith("S43  formula vs simulation  REPRODUCED");
        assertThat(r.lines().get(1)).startsWith("S16  formula vs simulation  ");
        // both are formula checks against simulations: one count line, experiments and identities absent
        assertThat(r.lines().get(2)).startsWith("formula vs simulation: 2 studies, ");
        assertThat(r.lines().get(3)).startsWith("2 studies, 5 seeds, ").endsWith(dir.resolve("index.html").toString());
        assertThat(r.err()).contains("[##############################] 10/10");
        assertThat(Files.readString(dir.resolve("index.html"))).contains("<a href=\"#S43\">S43</a>");
        assertThat(dir.resolve("s43.png")).isNotEmptyFile();
        assertThat(dir.resolve("results.json")).isNotEmptyFile();
    }

    @Test
    void lab_tooFewSeeds_usageError() {
        Cli r = Cli.run("lab", "S43", "--seeds", "3");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).isEqualTo("anneal: --seeds (3) must be >= 5" + System.lineSeparator());
    }

    @Test
    void lab_unknownStudy_usageErrorListsTheStudies() {
        Cli r = Cli.run("lab", "S99");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).startsWith("anneal: study (S99) must be one of [S01, ");
    }

    @Test
    void lab_noWorkers_usageError() {
        Cli r = Cli.run("lab", "S43", "--jobs", "0");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).startsWith("anneal: --jobs (0) must be >= 1");
    }
}
