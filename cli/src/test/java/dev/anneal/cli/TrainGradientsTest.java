package dev.anneal.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code anneal train} and {@code find-lr} with the gradient stage: clipping, accumulation, fp16 emulation and loss
 * scaling from the command line, their counts in the summary and the trace, resume, and damaged checkpoints.
 */
class TrainGradientsTest {
    private static final String ALL_ON_HEADER = "step,epoch,loss,accuracy,lr,beta1,beta2,eps,weight_decay,"
            + "loss_scale,applied,clipped_steps,skipped_steps,half_overflows,half_underflows";

    @TempDir
    Path dir;

    private Cli train(Path trace, String... extra) {
        String[] base = {"train", "fashion-mnist", "--limit", "600", "--test-limit", "300", "--batch", "50", "--threads", "1",
                "--trace", trace.toString(), "--figure", dir.resolve("train.png").toString()};
        String[] args = Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.run(args);
    }

    @Test
    void badGradientOptions_exit2_namingOptionValueAndRule() {
        Path trace = dir.resolve("t.csv");
        String[][] cases = {
                {"--clip-norm", "0"}, {"--clip-value", "-1"}, {"--clip-norm", "NaN"}, {"--clip-norm", "1", "--clip-value", "1"},
                {"--accumulate", "0"}, {"--accumulate-mode", "median"}, {"--loss-scale", "abc"}, {"--loss-scale", "0"},
                {"--loss-scale", "1e39"}, {"--loss-scale", "0x1p3"}};
        String[] expected = {
                "--clip-norm (0.0) must be > 0 and finite", "--clip-value (-1.0) must be > 0 and finite", "--clip-norm (NaN) must be > 0 and finite",
                "--clip-norm (1.0) and --clip-value (1.0) must not both be given", "--accumulate (0) must be >= 1",
                "--accumulate-mode (median) must be mean or sum", "--loss-scale (abc) must be dynamic or a number > 0",
                "--loss-scale (0) must be dynamic or a number > 0", "--loss-scale (1e39) must be dynamic or a number > 0 that fits a float",
                "--loss-scale (0x1p3) must be dynamic or a number > 0"};
        for (int i = 0; i < cases.length; i++) {
            Cli r = train(trace, cases[i]);
            assertThat(r.code()).as(r.toString()).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", cases[i])).contains(expected[i]).doesNotContain("Exception").doesNotContain("internal error");
        }
        assertThat(trace).as("nothing trained, nothing written").doesNotExist();
    }

    @Test
    void everyFeatureOn_summaryAndTraceCountTheSteps_figureShowsTheScale() throws Exception {
        Path trace = dir.resolve("t.csv");
        Cli r = train(trace, "--epochs", "2", "--optimizer", "adamw", "--schedule", "constant(0.002)", "--clip-norm", "0.5",
                "--accumulate", "2", "--accumulate-mode", "sum", "--fp16", "--loss-scale", "dynamic");
        assertThat(r.code()).as(r.toString()).isZero();
        // 600 images, batches of 50, two per step: 6 steps an epoch
        Matcher m = Pattern.compile("gradients: 12 steps, (\\d+) clipped, (\\d+) skipped \\(non-finite\\); fp16: (\\d+) values overflowed, (\\d+) underflowed;"
                + " loss scale 65536 at the start, (\\d+) now").matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        List<String> rows = Files.readAllLines(trace);
        assertThat(rows.getFirst()).isEqualTo(ALL_ON_HEADER);
        assertThat(rows).hasSize(13);
        String[] last = rows.getLast().split(",");
        assertThat(last[11]).as("clipped steps").isEqualTo(m.group(1));
        assertThat(last[12]).as("skipped steps").isEqualTo(m.group(2));
        assertThat(last[13]).as("half overflows").isEqualTo(m.group(3));
        assertThat(last[14]).as("half underflows").isEqualTo(m.group(4));
        long applied = rows.stream().skip(1).filter(row -> row.split(",")[10].equals("1")).count();
        assertThat(applied + Long.parseLong(m.group(2))).isEqualTo(12);
        assertThat(Double.parseDouble(rows.get(1).split(",")[9])).as("the first step's loss scale").isEqualTo(65536.0);
        assertThat(ImageIO.read(dir.resolve("train.png").toFile())).isNotNull();
    }

    @Test
    void fixedScaleThatOverflowsHalfPrecision_everyStepSkipped_andReported() throws Exception {
        Path trace = dir.resolve("t.csv");
        // gradients of order 1e-3 to 1 times 1e9 are far beyond half precision's 65504
        Cli r = train(trace, "--epochs", "2", "--fp16", "--loss-scale", "1e9", "--optimizer", "sgd");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("step 0: gradient block ").contains("step skipped").contains("step 9: ")
                .doesNotContain("step 10: gradient").contains("(further skipped steps are counted in the trace and the summary)")
                .contains("gradients: 24 steps, 0 clipped, 24 skipped (non-finite); fp16: ").contains("loss scale 1000000000 at the start, 1000000000 now");
        assertThat(Files.readAllLines(trace).stream().skip(1).map(row -> row.split(",")[9])).as("applied column").containsOnly("0");
    }

    @Test
    void resume_everyFeatureOn_traceByteIdentical() throws Exception {
        Path whole = dir.resolve("a.csv"), resumed = dir.resolve("b.csv"), checkpoint = dir.resolve("ckpt");
        String[] features = {"--schedule", "warmup(3, cosine(0.003, 18))", "--clip-norm", "0.5", "--accumulate", "2",
                "--accumulate-mode", "sum", "--fp16", "--loss-scale", "dynamic"};
        Cli a = train(whole, concat(features, "--epochs", "3"));
        assertThat(a.code()).as(a.toString()).isZero();
        Cli first = train(resumed, concat(features, "--epochs", "1", "--checkpoint", checkpoint.toString()));
        assertThat(first.code()).as(first.toString()).isZero();
        Cli rest = train(resumed, concat(features, "--epochs", "3", "--checkpoint", checkpoint.toString()));
        assertThat(rest.code()).as(rest.toString()).isZero();
        assertThat(rest.out()).contains("1 of 3 epochs done, step 6");
        assertThat(Files.readAllBytes(resumed)).isEqualTo(Files.readAllBytes(whole));
        assertThat(line(rest.out(), "gradients:")).isEqualTo(line(a.out(), "gradients:"));
        assertThat(line(rest.out(), "test accuracy")).isEqualTo(line(a.out(), "test accuracy"));
    }

    @Test
    void damagedCheckpoint_exit2_saysDamaged_andTrainsNothing() throws Exception {
        Path trace = dir.resolve("t.csv"), checkpoint = dir.resolve("ckpt");
        String[] run = {"--schedule", "constant(0.001)", "--checkpoint", checkpoint.toString()};
        assertThat(train(trace, concat(run, "--epochs", "1")).code()).isZero();
        Path file = checkpoint.resolve("checkpoint.bin");
        byte[] good = Files.readAllBytes(file), flipped = good.clone();
        flipped[good.length / 2] ^= 1;
        List<String> traceBefore = Files.readAllLines(trace);
        for (byte[] bad : List.of(flipped, Arrays.copyOf(good, good.length / 3))) {
            Files.write(file, bad);
            Cli r = train(trace, concat(run, "--epochs", "2"));
            assertThat(r.code()).as(r.toString()).isEqualTo(2);
            assertThat(r.err()).contains("anneal: checkpoint " + file + " is damaged (").doesNotContain("internal error").doesNotContain("Exception");
            assertThat(r.out()).doesNotContain("resumed from");
            assertThat(Files.readAllLines(trace)).as("the trace is left as it was").isEqualTo(traceBefore);
        }
    }

    @Test
    void unwritableCheckpoint_exit2_beforeTraining() throws Exception {
        Path trace = dir.resolve("t.csv"), blocker = Files.writeString(dir.resolve("file"), "x");
        Cli r = train(trace, "--epochs", "1", "--checkpoint", blocker.resolve("ckpt").toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        // found before training by OutputFiles.checkDirectory (issue 12), which names the option
        assertThat(r.err()).contains("--checkpoint (" + blocker.resolve("ckpt") + ") cannot be created: " + blocker + " is not a directory")
                .doesNotContain("epoch 1/1");
        assertThat(trace).doesNotExist();
    }

    @Test
    void findLr_withClippingAndFp16_reportsTheGradientCounts() {
        Cli r = Cli.run("find-lr", "fashion-mnist", "--limit", "1000", "--batch", "50", "--threads", "1", "--optimizer", "sgd",
                "--steps", "40", "--clip-value", "0.01", "--fp16", "--figure", dir.resolve("f.png").toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).containsPattern("gradients: \\d+ steps, [1-9]\\d* clipped, \\d+ skipped \\(non-finite\\); fp16: \\d+ values overflowed, \\d+ underflowed; "
                + "loss scale 65536 at the start");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String line(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
    }
}
