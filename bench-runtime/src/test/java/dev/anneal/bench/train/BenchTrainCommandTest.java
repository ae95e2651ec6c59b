package dev.anneal.bench.train;

import dev.anneal.bench.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code anneal bench train}: option errors (exit 2, before anything runs), the missing-PyTorch error, and one
 * tiny end-to-end run whose PyTorch arm is a stand-in script, so that the suite needs no python3-torch.
 */
class BenchTrainCommandTest {
    @TempDir
    Path dir;

    private static void assertUsageError(String expected, String... options) {
        CommandRun r = CommandRun.of(new BenchTrainCommand(), options);
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains(expected).doesNotContain("Exception");
        assertThat(r.out()).doesNotContain("| model |");
    }

    @Test
    void badOptions_exit2NamingOptionValueAndRule() {
        assertUsageError("--threads (0) must be >= 1", "--threads", "0");
        assertUsageError("--epochs (0) must be >= 1", "--epochs", "0");
        assertUsageError("--rounds (-1) must be >= 1", "--rounds", "-1");
        assertUsageError("--batch (0) must be >= 1", "--batch", "0");
        assertUsageError("--limit (0) must be in [1, 60000]", "--limit", "0");
        assertUsageError("--limit (60001) must be in [1, 60000]", "--limit", "60001");
        assertUsageError("--models (resnet) must be a comma-separated list of mlp, cnn, lstm", "--models", "mlp,resnet");
        assertUsageError("--models (mlp,cnn,mlp) names mlp twice", "--models", "mlp,cnn,mlp");
        assertUsageError("Invalid value for option '--epochs'", "--epochs", "two");
    }

    @Test
    void noPython_exit2NamingTheDebianPackage() {
        Path missing = dir.resolve("python3");
        CommandRun r = CommandRun.of(new BenchTrainCommand(), "--models", "mlp", "--python", missing.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--python (" + missing + ") is not an executable file")
                .contains("apt-get install python3-torch python3-numpy");
    }

    @Test
    void pythonWithoutTorch_exit2NamingTheDebianPackage() throws Exception {
        Path python = executable("python3", "echo \"ModuleNotFoundError: No module named 'torch'\" >&2; exit 1\n");
        CommandRun r = CommandRun.of(new BenchTrainCommand(), "--models", "mlp", "--python", python.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("cannot import torch and numpy (ModuleNotFoundError: No module named 'torch')")
                .contains("install Debian's python3-torch");
    }

    /** The real Anneal and DJL-Adam arms on 256 images; PyTorch's figures from a stand-in that prints fixed ones. */
    @Test
    void tinyRun_tableMatchesItsArithmetic() throws Exception {
        Path python = executable("python3", "if [ \"$1\" = -c ]; then echo 9.9-fake; echo none; exit 0; fi\n"
                + "echo 'trained 1 epochs in 1.0 s (1000 images/s)'\n"
                + "echo 'per mini-batch: 4.000 ms forward and backward, 0.500 ms optimizer'\n"
                + "echo 'test accuracy 0.5000'\n");
        CommandRun r = CommandRun.of(new BenchTrainCommand(), "--models", "mlp", "--limit", "256", "--rounds", "2", "--python", python.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("1 epoch(s) of 256 training images (accuracy on 10000 test images), batch 128, Adam lr 0.001, "
                + "1 thread(s), best of 2 round(s)").contains("(torch 9.9-fake, BLAS none)").containsPattern("load \\d+\\.\\d+ ");
        // each arm ran once per round, the order rotating
        List<String> progress = r.err().lines().filter(l -> l.startsWith("mlp round")).map(l -> l.split("\\s+")[3]).toList();
        assertThat(progress).containsExactly("anneal", "djl-adam", "torch", "djl-adam", "torch", "anneal");
        List<String> rows = r.lines().stream().filter(l -> l.startsWith("| mlp ")).toList();
        assertThat(rows).hasSize(1);
        String[] c = rows.getFirst().split("\\|");
        double anneal = Double.parseDouble(c[2].trim()), djl = Double.parseDouble(c[3].trim()), torch = Double.parseDouble(c[4].trim());
        assertThat(torch).isEqualTo(1000);
        assertThat(Double.parseDouble(c[5].trim())).isCloseTo(anneal / torch, within(0.006 + anneal / torch * 1e-3));
        assertThat(Double.parseDouble(c[6].trim())).isCloseTo(anneal / djl, within(0.006 + anneal / djl * 2e-3));
        double annealOpt = Double.parseDouble(c[7].trim()), djlOpt = Double.parseDouble(c[8].trim());
        assertThat(Double.parseDouble(c[9].trim())).isEqualTo(0.5);
        assertThat(Double.parseDouble(c[10].trim())).isCloseTo(annealOpt - djlOpt, within(0.0011));
        String[] accuracy = c[12].trim().split(" / ");
        assertThat(accuracy[2]).isEqualTo("0.5000");
        // both in-process arms train the same network on the same batches with Adam at the same lr
        assertThat(Double.parseDouble(accuracy[0])).isCloseTo(Double.parseDouble(accuracy[1]), within(0.002));
        assertThat(r.out()).contains("aim (anneal >= 0.9 x torch images/s): " + (anneal / torch >= 0.9 ? "met" : "missed") + " for mlp");
    }

    private Path executable(String name, String body) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}
