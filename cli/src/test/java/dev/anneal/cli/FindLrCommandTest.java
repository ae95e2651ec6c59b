package dev.anneal.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code anneal find-lr fashion-mnist}: suggestions inside the swept range, a figure, and its usage errors. */
class FindLrCommandTest {
    @TempDir
    Path dir;

    @Test
    void findLr_suggestsRatesWithinTheSweep_andDrawsTheCurve() throws Exception {
        Path png = dir.resolve("lr.png");
        Cli r = Cli.run("find-lr", "fashion-mnist", "--limit", "2000", "--batch", "50", "--threads", "1", "--optimizer", "sgd",
                "--min-lr", "1e-4", "--max-lr", "100", "--steps", "120", "--figure", png.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        double steepest = number(r.out(), "suggested lr \\(steepest descent\\) (\\S+)");
        double valley = number(r.out(), "suggested lr \\(valley\\) +(\\S+)");
        double best = number(r.out(), "minimum smoothed loss \\S+ at lr (\\S+)");
        for (double lr : new double[] {steepest, valley}) assertThat(lr).isBetween(1e-4, best);
        assertThat(ImageIO.read(png.toFile())).isNotNull();
    }

    @Test
    void findLr_withLrSchedule_usageError() {
        Cli r = Cli.run("find-lr", "fashion-mnist", "--schedule", "constant(0.1)");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("find-lr sweeps lr itself");
    }

    @Test
    void findLr_schedulesFileWithDefaultsLr_usageError_referencesToTheSweptLrResolve() throws Exception {
        Path yaml = Files.writeString(dir.resolve("set.yaml"), "defaults:\n  lr: constant(0.1)\n");
        Cli r = Cli.run("find-lr", "fashion-mnist", "--schedules", yaml.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("find-lr sweeps lr itself: drop defaults.lr from --schedules (" + yaml + ")");
        Files.writeString(yaml, "defaults:\n  momentum: rescale(counter(lr), min=0.85, max=0.95)\n");
        Cli ok = Cli.run("find-lr", "fashion-mnist", "--limit", "1000", "--batch", "50", "--threads", "1", "--optimizer", "momentum",
                "--schedules", yaml.toString(), "--steps", "40", "--figure", dir.resolve("lr.png").toString());
        assertThat(ok.code()).as(ok.toString()).isZero();
        assertThat(ok.out()).contains("mlp, momentum: ");
    }

    private static double number(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        assertThat(m.find()).as("%s in%n%s", regex, out).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
