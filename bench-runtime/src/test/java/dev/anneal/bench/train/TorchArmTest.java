package dev.anneal.bench.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The PyTorch arm's plumbing without PyTorch: the parser against the script's own print formats, and the
 * subprocess through a stand-in Python (a shell script), including the errors for a missing Python or torch.
 */
class TorchArmTest {
    @TempDir
    Path dir;

    private static String script() throws Exception {
        try (InputStream in = TorchArm.class.getResourceAsStream("torch_train.py")) {
            assertThat(in).as("torch_train.py in the jar's resources").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The script's print statement whose format starts with {@code prefix}, as a Java format. */
    private static String printFormat(String script, String prefix) {
        Matcher m = Pattern.compile("print\\('(" + Pattern.quote(prefix) + "[^']*)'").matcher(script);
        assertThat(m.find()).as("torch_train.py prints a line starting '%s'", prefix).isTrue();
        return m.group(1);
    }

    @Test
    void parse_readsWhatTheScriptsPrintStatementsWrite() throws Exception {
        String s = script();
        String output = "loading\n"
                + String.format(Locale.ROOT, printFormat(s, "trained "), 2, 12.345, 4861.7) + "\n"
                + String.format(Locale.ROOT, printFormat(s, "per mini-batch: "), 21.0456, 1.5074) + "\n"
                + String.format(Locale.ROOT, printFormat(s, "test accuracy "), 0.87654) + "\n";
        TrainRun r = TorchArm.parse(output);
        assertThat(r.imagesPerSecond()).isEqualTo(4862);  // printed with %.0f
        assertThat(r.forwardBackwardMs()).isEqualTo(21.046);
        assertThat(r.optimizerMs()).isEqualTo(1.507);
        assertThat(r.testAccuracy()).isEqualTo(0.8765);
    }

    @Test
    void parse_missingLine_namesTheLineExpected() {
        assertThatThrownBy(() -> TorchArm.parse("trained 1 epochs in 2.0 s (500 images/s)\ntest accuracy 0.5\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("printed no line 'per mini-batch: F ms forward and backward, O ms optimizer'");
    }

    private Path fakePython(String body) throws Exception {
        Path python = dir.resolve("python3");
        Files.writeString(python, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwx------"));
        return python;
    }

    @Test
    void run_passesTheSettings_andReadsTheFigures() throws Exception {
        Path args = dir.resolve("args.txt"), copy = dir.resolve("script-copy.py");
        Path python = fakePython("if [ \"$1\" = -c ]; then echo 1.13.0a0; echo generic; exit 0; fi\n"
                + "cp \"$1\" " + copy + "; shift; echo \"$@\" > " + args + "\n"
                + "echo 'trained 1 epochs in 3.0 s (2000 images/s)'\n"
                + "echo 'per mini-batch: 5.000 ms forward and backward, 1.250 ms optimizer'\n"
                + "echo 'test accuracy 0.6000'\n");
        try (TorchArm arm = TorchArm.start(python)) {
            assertThat(arm.describe()).isEqualTo(python + " torch_train.py (torch 1.13.0a0, BLAS generic)");
            TrainRun r = arm.run("cnn", 2, 5000, 1000, 64, 3, 7, 0.001, Path.of("/data/fm"));
            assertThat(r).isEqualTo(new TrainRun(2000, 5.0, 1.25, 0.6));
        }
        assertThat(Files.readString(args).strip()).isEqualTo(
                "--model cnn --epochs 2 --limit 5000 --test-limit 1000 --batch 64 --threads 3 --seed 7 --lr 0.001 --data /data/fm");
        assertThat(Files.readString(copy)).as("the script run is the jar's resource").isEqualTo(script());
    }

    @Test
    void run_scriptFails_reportsItsLastErrorLine() throws Exception {
        Path python = fakePython("if [ \"$1\" = -c ]; then echo 1.13.0a0; echo generic; exit 0; fi\n"
                + "echo 'Traceback (most recent call last):' >&2; echo 'FileNotFoundError: no data' >&2; exit 1\n");
        try (TorchArm arm = TorchArm.start(python)) {
            assertThatThrownBy(() -> arm.run("mlp", 1, 100, 100, 10, 1, 1, 0.001, dir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("torch_train.py failed with exit code 1: FileNotFoundError: no data");
        }
    }

    @Test
    void start_pythonWithoutTorch_namesTheDebianPackage() throws Exception {
        Path python = fakePython("echo 'Traceback (most recent call last):' >&2\n"
                + "echo \"ModuleNotFoundError: No module named 'torch'\" >&2; exit 1\n");
        assertThatThrownBy(() -> TorchArm.start(python))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--python (" + python + ") cannot import torch and numpy (ModuleNotFoundError: No module named 'torch'): "
                        + "the PyTorch baseline needs them; install Debian's python3-torch and python3-numpy (apt-get install python3-torch python3-numpy)");
    }

    @Test
    void start_noPython_namesTheDebianPackage() {
        Path missing = dir.resolve("no-such-python");
        assertThatThrownBy(() -> TorchArm.start(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--python (" + missing + ") is not an executable file")
                .hasMessageContaining("install Debian's python3-torch");
    }

    @Test
    void scriptWrittenForARun_isDeletedOnClose() throws Exception {
        Path python = fakePython("if [ \"$1\" = -c ]; then echo 1.13.0a0; echo generic; exit 0; fi\necho \"$1\"; exit 1\n");
        List<Path> before;
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            before = files.filter(f -> f.getFileName().toString().startsWith("anneal-torch_train-")).toList();
        }
        TorchArm arm = TorchArm.start(python);
        arm.close();
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("anneal-torch_train-")).toList())
                    .containsExactlyInAnyOrderElementsOf(before);
        }
    }
}
