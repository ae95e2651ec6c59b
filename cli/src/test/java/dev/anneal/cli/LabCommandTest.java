package dev.anneal.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.anneal.store.Event;
import dev.anneal.store.Run;
import dev.anneal.store.RunFilter;
import dev.anneal.store.RunStatus;
import dev.anneal.store.RunStore;

import static org.assertj.core.api.Assertions.assertThat;

class LabCommandTest {
    @Test
    void lab_runsChosenStudies_writesReportAndPrintsVerdicts(@TempDir Path dir) throws IOException {
        String store = dir.resolve("runs.db").toString();
        Cli r = Cli.run("lab", "S43", "S16", "--reduced", "--seeds", "5", "--jobs", "2", "-o", dir.toString(), "--store", store);
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.lines().get(0)).matches("run: [0-9a-f]{10}");
        assertThat(r.lines().get(1)).startsWith("S43  REPRODUCED");
        assertThat(r.lines().get(2)).startsWith("S16 ");
        assertThat(r.lines().get(3)).startsWith("2 studies, 5 seeds, ").endsWith(dir.resolve("index.html").toString());
        // the lab run and one child run per study, each with its verdict
        String lab = r.lines().get(0).substring("run: ".length());
        try (RunStore s = RunStore.open(store)) {
            assertThat(s.get(lab).status()).isEqualTo(RunStatus.FINISHED);
            List<Run> studies = s.list(RunFilter.all().withParent(lab));
            assertThat(studies).extracting(Run::name).anyMatch(n -> n.startsWith("S43 ")).anyMatch(n -> n.startsWith("S16 "));
            Run s43 = studies.stream().filter(x -> x.name().startsWith("S43 ")).findFirst().orElseThrow();
            assertThat(s.events(s43.id())).extracting(Event::message).anyMatch(m -> m.startsWith("REPRODUCED: "));
            assertThat(s43.metrics()).isNotEmpty();
        }
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
