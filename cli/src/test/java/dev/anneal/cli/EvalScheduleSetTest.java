package dev.anneal.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static java.lang.Math.PI;
import static java.lang.Math.cos;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code anneal eval @SET --param NAME}: the momentum (or any hyperparameter) that a native schedule set defines. */
class EvalScheduleSetTest {
    @TempDir
    Path dir;

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }

    @Test
    void oneCycleMomentum_isTheCounterPhaseOfLr_rescaled() throws IOException {
        Path set = write("set.yaml", """
                defaults:
                  lr: cosine(0.1, steps=100%)
                  momentum: rescale(counter(lr), min=0.85, max=0.95)
                """);
        Cli r = Cli.run("eval", "@" + set, "--total", "10", "--param", "momentum");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.lines()).hasSize(11);
        for (int t = 0; t <= 10; t++) {
            double lr = 0.05 * (1 + cos(PI * t / 10)); // cosine from 0.1 to 0 over 10 steps: range [0, 0.1]
            double momentum = 0.85 + (0.1 - lr) / 0.1 * 0.10;
            assertThat(Double.parseDouble(r.lines().get(t).split("\t")[1])).as("step %d", t).isCloseTo(momentum, within(1e-12));
        }
    }

    @Test
    void groups_needGroupDotName_andReferencesResolve() throws IOException {
        Path set = write("set.yaml", """
                total: 20
                defaults:
                  lr: linear(0.1, 0.0, steps=100%)
                groups:
                  head: {}
                  backbone:
                    lr: 0.1 * head.lr
                """);
        Cli r = Cli.run("eval", "@" + set, "--param", "backbone.lr", "--steps", "0,10,20");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.lines()).hasSize(3);
        assertThat(Double.parseDouble(r.lines().get(1).split("\t")[1])).isCloseTo(0.005, within(1e-15));

        Cli noGroup = Cli.run("eval", "@" + set, "--param", "lr");
        assertThat(noGroup.code()).isEqualTo(2);
        assertThat(noGroup.err()).contains("--param (lr) must name a group too: the set has groups [head, backbone], e.g. --param head.lr");
    }

    @Test
    void errors_exitTwo_withNameValueAndRule() throws IOException {
        Path set = write("set.yaml", "total: 20\ndefaults:\n  lr: constant(0.1)\n");
        assertThat(Cli.run("eval", "@" + dir.resolve("missing.yaml")).err()).contains("SPEC (@" + dir.resolve("missing.yaml") + "): no such file");
        Cli conflict = Cli.run("eval", "@" + set, "--total", "30");
        assertThat(conflict.code()).isEqualTo(2);
        assertThat(conflict.err()).contains("total: total (20) differs from the run's 30 steps");
        Cli unknown = Cli.run("eval", "@" + set, "--param", "beta1", "--steps", "0:2");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("groups.default.beta1 is not defined; group default has [lr]");
        Cli metrics = Cli.run("eval", "@" + set, "--metrics", "1,2");
        assertThat(metrics.code()).isEqualTo(2);
        assertThat(metrics.err()).contains("a schedule set is open-loop and takes no metrics");
    }

    /** Issue 13's case: a set file used to round 64.6% of 250 (161.5) in double and warm up one step shorter. */
    @Test
    void percentages_meanTheSameInASetFile_asOnTheCommandLine() throws IOException {
        Path set = write("set.yaml", """
                defaults:
                  lr: warmup(64.6%, constant(1.0))
                """);
        Cli file = Cli.run("eval", "@" + set, "--total", "250", "--param", "lr", "--steps", "160,161,162");
        Cli line = Cli.run("eval", "warmup(64.6%, constant(1.0))", "--total", "250", "--steps", "160,161,162");
        assertThat(file.code()).as(file.toString()).isZero();
        assertThat(line.code()).as(line.toString()).isZero();
        assertThat(file.lines()).isEqualTo(line.lines());
        // 162 warmup steps (64.6% of 250 = 161.5, rounded half up): step t reads t/162 until step 162 reads 1.
        assertThat(Double.parseDouble(file.lines().get(1).split("\t")[1])).isEqualTo(161.0 / 162);
        assertThat(Double.parseDouble(file.lines().get(2).split("\t")[1])).isEqualTo(1.0);
    }
}
