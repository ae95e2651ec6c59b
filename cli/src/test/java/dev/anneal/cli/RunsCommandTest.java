package dev.anneal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anneal.store.NewRun;
import dev.anneal.store.Recorder;
import dev.anneal.store.RunKind;
import dev.anneal.store.RunStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code anneal runs list|show|compare|export|rm} on a store filled through the Java API. */
class RunsCommandTest {
    @TempDir
    Path dir;

    String store;
    String cosine;
    String step;
    String failed;

    @BeforeEach
    void fill() throws Exception {
        store = dir.resolve("runs.db").toString();
        try (RunStore s = RunStore.open(store)) {
            cosine = run(s, "mlp cosine", "cosine(0.1, 100)", Map.of("model", "mlp", "batch", "128"), 0.91);
            Thread.sleep(5);
            step = run(s, "mlp step", "step(0.1, 30, 0.5)", Map.of("model", "mlp", "batch", "64"), 0.88);
            Thread.sleep(5);
            Recorder f = s.start(NewRun.of(RunKind.FIND_LR, "sweep lr"));
            f.record("loss", 0, Double.NaN);
            f.fail("diverged at step 0");
            failed = f.runId();
        }
    }

    private static String run(RunStore s, String name, String schedule, Map<String, String> config, double accuracy) {
        Recorder r = s.start(NewRun.of(RunKind.TRAIN, name).withSchedule("lr = " + schedule).withConfig(config).withSeed(1));
        for (int i = 0; i < 100; i++) {
            r.record("loss", i, 2.0 / (1 + i));
            r.record("lr", "head", i, 0.1);
        }
        r.event(50, "plateau", "lr × 0.5");
        r.metric("test_accuracy", accuracy);
        r.finish();
        return r.runId();
    }

    private Cli runs(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "runs";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--store";
        all[args.length + 2] = store;
        return Cli.run(all);
    }

    @Test
    void list_isATableNewestFirst_andFilters() {
        Cli r = runs("list");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.lines()).hasSize(4);
        assertThat(r.lines().get(0)).startsWith("ID ").contains("KIND").contains("STATUS").endsWith("NAME");
        assertThat(r.lines().get(1)).startsWith(failed).contains("find-lr").contains("FAILED").endsWith("sweep lr");
        assertThat(r.lines().get(2)).startsWith(step).contains("FINISHED");
        assertThat(r.lines().get(3)).startsWith(cosine);
        assertThat(runs("list", "--kind", "train", "--name", "cos").lines()).hasSize(2).last().asString().startsWith(cosine);
        assertThat(runs("list", "--status", "failed").lines()).hasSize(2);
        assertThat(runs("list", "--since", "1h", "--limit", "1").lines()).hasSize(2);
        assertThat(runs("list", "--since", "2000-01-01T00:00:00Z", "--name", "nothing").out()).startsWith("no runs in jdbc:sqlite:");
        Cli bad = runs("list", "--kind", "walk");
        assertThat(bad.code()).isEqualTo(Main.USAGE);
        assertThat(bad.err()).startsWith("anneal: --kind (walk): unknown run kind 'walk': expected one of train, find-lr, lab, sweep, trial");
        assertThat(runs("list", "--since", "yesterday").err()).contains("--since (yesterday) must be a date");
    }

    @Test
    void show_printsConfigurationScheduleMetricsSeriesAndEvents() {
        Cli r = runs("show", cosine.substring(0, 6));
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("run " + cosine + ": mlp cosine").contains("status    FINISHED").contains("seed      1")
                .containsPattern("  batch +128").containsPattern("schedules \\(sha256 [0-9a-f]{16}\\)\\n  lr = cosine\\(0.1, 100\\)")
                .containsPattern("  test_accuracy +0.91\\n").contains("  loss lr[head]").containsPattern("step 50 +plateau +lr × 0.5");
        assertThat(runs("show", failed).out()).contains("status    FAILED (diverged at step 0)");
        Cli missing = runs("show", "ffffffffff");
        assertThat(missing.code()).isEqualTo(Main.USAGE);
        assertThat(missing.err()).startsWith("anneal: no run 'ffffffffff' in the store jdbc:sqlite:");
    }

    @Test
    void compare_putsMetricsSideBySide_listsDifferences_andDrawsTheSeries() throws Exception {
        Path png = dir.resolve("cmp.png");
        Cli r = runs("compare", cosine, step, "--series", "loss", "--figure", png.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).containsPattern("run +" + cosine + " +" + step)
                .containsPattern("test_accuracy +0.91 +0.88")
                .contains("configuration that differs\n  batch\n    " + cosine + "  128\n    " + step + "  64\n")
                .doesNotContain("  model\n")
                .contains("  schedules\n    " + cosine + "  lr = cosine(0.1, 100)\n")
                .contains("figure: " + png + " (loss)");
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(1000);
        Cli none = runs("compare", cosine, step, "--series", "momentum", "--figure", png.toString());
        assertThat(none.code()).isEqualTo(Main.USAGE);
        assertThat(none.err()).contains("--series (momentum): none of the runs recorded it");
    }

    @Test
    void export_csvHasAColumnPerSeries_andJsonTheWholeRun() throws Exception {
        Cli csv = runs("export", cosine);
        assertThat(csv.code()).as(csv.toString()).isZero();
        assertThat(csv.lines()).hasSize(101);
        assertThat(csv.lines().get(0)).isEqualTo("step,loss,lr[head]");
        assertThat(csv.lines().get(2)).isEqualTo("1,1.0,0.1");
        Path file = dir.resolve("f.json");
        assertThat(runs("export", failed, "--format", "json", "-o", file.toString()).code()).isZero();
        JsonNode json = new ObjectMapper().readTree(Files.readString(file));
        assertThat(json.get("status").asText()).isEqualTo("FAILED");
        assertThat(json.get("message").asText()).isEqualTo("diverged at step 0");
        assertThat(json.get("series").get(0).get("values").get(0).asText()).isEqualTo("NaN");
        JsonNode whole = new ObjectMapper().readTree(runs("export", cosine, "--format", "json").out());
        assertThat(whole.get("config").get("batch").asText()).isEqualTo("128");
        assertThat(whole.get("metrics").get("test_accuracy").asDouble()).isEqualTo(0.91);
        assertThat(whole.get("series").get(1).get("group").asText()).isEqualTo("head");
        assertThat(whole.get("events").get(0).get("type").asText()).isEqualTo("plateau");
    }

    @Test
    void rm_removesRuns_butNoneWhenAnIdIsUnknown() {
        Cli bad = runs("rm", cosine, "0000000000");
        assertThat(bad.code()).isEqualTo(Main.USAGE);
        assertThat(runs("list").lines()).hasSize(4);
        Cli r = runs("rm", cosine, failed);
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.lines()).containsExactly("removed " + cosine + " (mlp cosine)", "removed " + failed + " (sweep lr)");
        assertThat(runs("list").lines()).hasSize(2);
    }
}
