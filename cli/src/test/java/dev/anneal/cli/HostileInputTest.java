package dev.anneal.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line under hostile input (issue 12): each case exits 2 with one line that names the option, the value
 * and the rule, and leaves no file behind.
 */
class HostileInputTest {
    private static final String PLATEAU = "torch.ReduceLROnPlateau(lr=1, factor=0.5, patience=0)";

    @TempDir
    Path dir;

    /** Exit 2, one line on stderr starting with {@code anneal: } and containing every given part, nothing on stdout's files. */
    private static void rejected(Cli run, String... parts) {
        assertThat(run.code()).as(run.toString()).isEqualTo(Main.USAGE);
        String first = run.err().lines().findFirst().orElse("");
        assertThat(first).as(run.toString()).startsWith("anneal: ").contains(parts);
        assertThat(run.err()).as(run.toString()).doesNotContain("\tat ", "internal error", "Exception");
    }

    @Test
    void deepNesting_isAUsageErrorNamingTheLimit() {
        rejected(Cli.run("eval", "counter(".repeat(3000) + "constant(1)" + ")".repeat(3000)), "nests deeper than 100 levels");
    }

    @Test
    void aLongThenChain_evaluates() {
        Cli run = Cli.run("eval", String.join(" then ", java.util.Collections.nCopies(10_000, "linear(0, 1, steps=2)")), "--steps", "19999");
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).contains("0.5");
    }

    @Test
    void metricsFromAnEndlessFile_stopAtTheLineLengthLimit() {
        rejected(Cli.run("eval", PLATEAU, "--metrics", "@/dev/zero", "--steps", "0:3"),
                "--metrics (@/dev/zero)", "line 1 is longer than 100 characters");
    }

    @Test
    void metricsWithJavaLiterals_areRejected() throws IOException {
        for (String literal : new String[] {"1f", "0x1p3", "2d", "NaN", "Infinity"}) {
            Path file = Files.writeString(dir.resolve("m.txt"), "0.5\n" + literal + "\n");
            rejected(Cli.run("eval", PLATEAU, "--metrics", "@" + file, "--steps", "0:3"),
                    "--metrics (@" + file + ")", "line 2 ('" + literal + "') must be a decimal number");
        }
    }

    @Test
    void aHugePlot_isRejectedBeforeDrawing_andLeavesNoFile() {
        Path png = dir.resolve("big.png");
        rejected(Cli.run("plot", "cosine(0.1, steps=10)", "--steps", "10", "--width", "100000", "--height", "100000", "-o", png.toString()),
                "--width x --height (100000x100000) must be from 200x150 to 8000x8000");
        assertThat(png).doesNotExist();
    }

    @Test
    void plotOverTheWholeLongRange_isSampled() {
        Path png = dir.resolve("long.png");
        Cli run = Cli.run("plot", "cosine(0.1, steps=1000)", "--steps", "9223372036854775807", "-o", png.toString());
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(png).isNotEmptyFile();
    }

    @Test
    void plotToADirectory_orADevice_orAnUnwritablePlace_isRejected_andLeavesNothing() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("folder.png"));
        rejected(Cli.run("plot", "constant(1)", "--steps", "10", "-o", folder.toString()), "-o (" + folder + ") is a directory");
        rejected(Cli.run("plot", "constant(1)", "--steps", "10", "-o", "/dev/full"), "-o (/dev/full) must end in .png or .svg");
        Path full = Files.createSymbolicLink(dir.resolve("full.png"), Path.of("/dev/full"));
        rejected(Cli.run("plot", "constant(1)", "--steps", "10", "-o", full.toString()), "-o (" + full + ") exists and is not a regular file");
        assertThat(Path.of("/dev/full")).satisfies(p -> assertThat(Files.isRegularFile(p)).isFalse());
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        rejected(Cli.run("plot", "constant(1)", "--steps", "10", "-o", file.resolve("chart.png").toString()),
                "-o (" + file.resolve("chart.png") + ") cannot be created: " + file + " is not a directory");
        rejected(Cli.run("plot", "constant(1)", "--steps", "10", "-o", "/proc/anneal-chart.png"),
                "-o (/proc/anneal-chart.png) cannot be written: /proc is not writable");
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a-file", "folder.png", "full.png");
        }
    }

    @Test
    void checkOverAHugeHorizon_isBounded() {
        rejected(Cli.run("check", "cosine(0.5, steps=1000)", "--steps", "9223372036854775807", "--lambda-max", "10"),
                "--steps (9223372036854775807) must be at most 10000000: the check visits every step");
        rejected(Cli.run("check", "cosine(0.5, steps=1000000000000)", "--lambda-max", "10"),
                "the schedule lasts 1000000000000 steps, more than the check's horizon limit of 10000000");
    }

    @Test
    void stepsWithEmptyItems_areRejected() {
        for (String steps : new String[] {",", "1,,2", "3,", ""}) {
            rejected(Cli.run("eval", "constant(1)", "--steps", steps), "--steps (" + steps + ") must be A:B");
        }
    }

    @Test
    void aSetFileTotalBeyondTheLongRange_isRejected() throws IOException {
        Path set = Files.writeString(dir.resolve("set.yaml"), "total: 1e30\ngroups:\n  g: {lr: 0.1}\n");
        rejected(Cli.run("eval", "@" + set), "total (1.0E30) must be at most 9223372036854775807");
    }

    @Test
    void trainingOnDamagedData_isRejectedNamingTheFile() throws IOException {
        byte[] gz = gzip(idx(0x803, 60, new byte[60 * 784], 28, 28));
        Files.write(dir.resolve("train-images-idx3-ubyte.gz"), java.util.Arrays.copyOf(gz, gz.length / 3));
        Files.write(dir.resolve("train-labels-idx1-ubyte"), idx(0x801, 60, new byte[60]));
        rejected(Cli.run("train", "fashion-mnist", "--data", dir.toString(), "--limit", "60", "--trace", dir.resolve("t.csv").toString()),
                "cannot read Fashion-MNIST: " + dir.resolve("train-images-idx3-ubyte.gz") + ": truncated");
        assertThat(dir.resolve("t.csv")).doesNotExist();
    }

    @Test
    void aHeaderAnnouncingBillionsOfImages_readsNoMoreThanTheSplit() throws IOException {
        // count 2^31 − 1 with --limit 2^31 − 1 used to allocate count·784 bytes (an overflow, or gigabytes)
        Files.write(dir.resolve("train-images-idx3-ubyte"), idx(0x803, Integer.MAX_VALUE, new byte[60 * 784], 28, 28));
        Files.write(dir.resolve("train-labels-idx1-ubyte"), idx(0x801, Integer.MAX_VALUE, new byte[60]));
        rejected(Cli.run("train", "fashion-mnist", "--data", dir.toString(), "--limit", "2147483647"),
                "cannot read Fashion-MNIST: " + dir.resolve("train-images-idx3-ubyte") + ": truncated");
    }

    @Test
    void trainingToUnwritableOutputs_isRejectedBeforeTraining() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        rejected(Cli.run("train", "fashion-mnist", "--limit", "60", "--trace", "/proc/anneal-trace.csv"),
                "--trace (/proc/anneal-trace.csv) cannot be written");
        rejected(Cli.run("train", "fashion-mnist", "--limit", "60", "--trace", dir.resolve("t.csv").toString(),
                "--checkpoint", file.resolve("ckpt").toString()), "--checkpoint (" + file.resolve("ckpt") + ") cannot be created");
        rejected(Cli.run("train", "fashion-mnist", "--limit", "60", "--trace", dir.resolve("t.csv").toString(),
                "--checkpoint", file.toString()), "--checkpoint (" + file + ") exists and is not a directory");
    }

    @Test
    void aFigureThatIsNotAPng_isRejectedBeforeTrainingOrTheSweep() {
        Path jpg = dir.resolve("train.jpg");
        Cli train = Cli.run("train", "fashion-mnist", "--limit", "60", "--figure", jpg.toString());
        rejected(train, "--figure (" + jpg + ") must end in .png");
        assertThat(train.out()).as(train.toString()).doesNotContain("trained");
        Cli findLr = Cli.run("find-lr", "fashion-mnist", "--limit", "60", "--figure", jpg.toString());
        rejected(findLr, "--figure (" + jpg + ") must end in .png");
        assertThat(findLr.out()).as(findLr.toString()).doesNotContain("suggested lr");
        assertThat(jpg).doesNotExist();
    }

    @Test
    void aLabOrSweepReportFolderThatCannotBeWritten_isRejectedBeforeTheyRun() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Cli lab = Cli.run("lab", "S43", "--reduced", "--seeds", "5", "--no-store", "-o", file.toString());
        rejected(lab, "-o (" + file + ") exists and is not a directory");
        assertThat(lab.out()).as(lab.toString()).doesNotContain("studies");
        Path sweep = Files.writeString(dir.resolve("grid.yaml"), SweepCommandTest.GRID);
        Cli swept = Cli.run("sweep", sweep.toString(), "--store", dir.resolve("runs.db").toString(), "-o", "/proc/anneal-sweep");
        rejected(swept, "-o (/proc/anneal-sweep) cannot be written");
        assertThat(swept.out()).as(swept.toString()).doesNotContain("trials:");
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    private static byte[] idx(int magic, int count, byte[] data, int... shape) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(magic);
            out.writeInt(count);
            for (int d : shape) out.writeInt(d);
            out.write(data);
        }
        return bytes.toByteArray();
    }
}
