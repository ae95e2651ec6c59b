package dev.anneal.cli;

import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Spec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code anneal train} with the network's names scheduled: the shipped example sets, the trace's columns, resume, range errors. */
class TrainCoSchedulingTest {
    @TempDir
    Path dir;

    private Cli train(Path trace, String... extra) {
        String[] base = {"train", "fashion-mnist", "--limit", "400", "--test-limit", "200", "--batch", "50", "--threads", "1",
                "--optimizer", "momentum", "--trace", trace.toString(), "--figure", dir.resolve("train.png").toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.run(args);
    }

    private static Path example(String name) {
        Path p = Path.of("../examples/sets", name);
        return Files.exists(p) ? p : Path.of("examples/sets", name);
    }

    @Test
    void cyclicAugmentBnExample_traceShowsEveryAppliedValueNextToTheLr_inCounterPhase() throws Exception {
        Path trace = dir.resolve("t.csv");
        Cli r = train(trace, "--model", "cnn", "--epochs", "2", "--schedules", example("cyclic-augment-bn.yaml").toString());
        assertThat(r.code()).as(r.toString()).isZero();
        List<String> lines = Files.readAllLines(trace);
        assertThat(lines.getFirst()).startsWith("step,epoch,loss,accuracy,lr,augment,bn_momentum,momentum,dampening,weight_decay,");
        assertThat(lines).hasSize(1 + 16);
        Schedule lr = Spec.parse("cyclic(0.005, 0.05, up=12.5%)", 16);
        for (int step = 0; step < 16; step++) {
            String[] f = lines.get(1 + step).split(",");
            double x = (lr.at(step) - 0.005) / 0.045; // 0 at the lr's trough, 1 at its peak
            assertThat(Double.parseDouble(f[4])).isEqualTo(lr.at(step));
            assertThat(Double.parseDouble(f[5])).as("augment at step %d", step).isCloseTo(0.6 * (1 - x), within(1e-12));
            assertThat(Double.parseDouble(f[6])).as("bn_momentum at step %d", step).isCloseTo(0.02 + 0.28 * (1 - x), within(1e-12));
        }
        assertThat(ImageIO.read(dir.resolve("train.png").toFile()).getWidth()).isEqualTo(1000);
    }

    @Test
    void everyNameScheduled_resumedAfterAnEpoch_traceByteIdenticalToTheUninterruptedRun() throws Exception {
        Path yaml = dir.resolve("all.yaml");
        Files.writeString(yaml, """
                defaults:
                  lr: cyclic(0.01, 0.05, up=4)
                  momentum: rescale(counter(lr), min=0.85, max=0.95)
                  dropout: rescale(counter(lr), min=0.05, max=0.3)
                  label_smoothing: cosine(0.2, steps=16)
                  augment: rescale(counter(lr), min=0, max=0.5)
                  bn_momentum: rescale(counter(lr), min=0.02, max=0.3)
                  weight_decay: rescale(shift(lr, 2), min=0, max=0.001)
                """);
        // steps, not percentages: the first part of the resumed run is one epoch long, and a checkpoint keeps its schedules
        Path whole = dir.resolve("whole.csv"), resumed = dir.resolve("resumed.csv");
        String[] common = {"--model", "cnn", "--schedules", yaml.toString()};
        assertThat(train(whole, concat(common, "--epochs", "2")).code()).isZero();
        assertThat(train(resumed, concat(common, "--epochs", "1", "--checkpoint", dir.resolve("ck").toString())).code()).isZero();
        Cli second = train(resumed, concat(common, "--epochs", "2", "--checkpoint", dir.resolve("ck").toString()));
        assertThat(second.code()).as(second.toString()).isZero();
        assertThat(second.out()).contains("resumed from");
        assertThat(Files.readString(resumed)).isEqualTo(Files.readString(whole));
        assertThat(Files.readAllLines(whole).getFirst())
                .startsWith("step,epoch,loss,accuracy,lr,momentum,dropout,label_smoothing,augment,bn_momentum,weight_decay,dampening,");
    }

    @Test
    void dropoutOutOfRange_exitsWithStatus2_namingKeyPathAndStep() throws Exception {
        Path yaml = dir.resolve("bad.yaml");
        Files.writeString(yaml, "defaults:\n  lr: 0.01\n  dropout: linear(0.5, 1.5, steps=8)\n");
        Cli r = train(dir.resolve("t.csv"), "--epochs", "1", "--schedules", yaml.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("anneal: groups.default.dropout (1.0) must be in [0, 1) (step 4)").doesNotContain("Exception");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
