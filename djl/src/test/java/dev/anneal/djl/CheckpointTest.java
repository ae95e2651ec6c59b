package dev.anneal.djl;

import dev.anneal.optim.control.GradNormBrake;
import dev.anneal.optim.grad.Clipping;
import dev.anneal.optim.grad.GradConfig;
import dev.anneal.optim.grad.LossScaling;
import dev.anneal.optim.grad.Reduction;
import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Spec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The checkpoint format: a resume with every gradient feature on equals the uninterrupted run bit for bit, and a
 * file damaged in any region (a flipped byte) or truncated anywhere is refused as damaged before anything changes.
 */
class CheckpointTest {
    static Images train;
    static final Schedule LR = Spec.parse("warmup(6, cosine(0.05, 40))");

    @TempDir
    Path dir;

    @BeforeAll
    static void data() {
        Engines.pytorch(1, 5);
        train = FashionMnist.train(FashionMnist.DEBIAN_DIR, 640);
    }

    /** Adam, global-norm clipping, accumulation (sum), fp16 with a dynamic scale that grows every 3 clean steps, and a brake. */
    private static Training training() {
        GradConfig gradients = new GradConfig(Clipping.byNorm(0.5), LossScaling.dynamic(65536f, 2, 0.5, 3), true);
        AnnealOptimizer adam = AnnealOptimizer.builder(Rule.ADAM, AnnealOptimizerTest.set("lr", LR, "beta1", "linear(0.85, 0.95, 40)"))
                .gradients(gradients).accumulate(2, Reduction.SUM).build();
        Training t = new Training(Model.MLP, adam, 40, 9);
        t.control(Control.brake(LR, 0, new GradNormBrake(1, 1.5, 0.5, 5, 1.5, 1e-3)), d -> {});
        return t;
    }

    @Test
    void resume_everyGradientFeatureOn_equalsTheUninterruptedRun_bitForBit() throws IOException {
        List<Step> uninterrupted = new ArrayList<>(), resumed = new ArrayList<>();
        byte[] network, state;
        try (Training t = training()) {
            for (int e = 0; e < 3; e++) t.epoch(train, e, uninterrupted::add);
            network = t.snapshot();
            state = bytes(t);
        }
        assertThat(uninterrupted.getLast().gradients().skippedSteps()).as("the scale overflowed half precision").isPositive();
        assertThat(uninterrupted.getLast().gradients().clippedSteps()).as("clipping fired").isPositive();
        Checkpoint checkpoint = Checkpoint.in(dir);
        try (Training t = training()) {
            t.epoch(train, 0, s -> true);
            checkpoint.save(t, "all on", 1, 3, List.of(t.snapshot()));
        }
        try (Training t = training()) {
            Checkpoint.Saved saved = checkpoint.load(t, "all on");
            assertThat(saved.epochs()).isEqualTo(1);
            assertThat(saved.snapshots()).hasSize(1);
            for (int e = 1; e < 3; e++) t.epoch(train, e, resumed::add);
            assertThat(t.snapshot()).as("network").isEqualTo(network);
            assertThat(bytes(t)).as("optimizer state: moments, counters, loss scale").isEqualTo(state);
        }
        assertThat(resumed).as("steps 8 to 23: values, losses, verdicts, counters").isEqualTo(uninterrupted.subList(8, 24));
    }

    @Test
    void flippedByte_inEveryRegion_refusedAsDamaged_andNothingRestored() throws IOException {
        Checkpoint checkpoint = Checkpoint.in(dir);
        try (Training t = training()) {
            t.epoch(train, 0, s -> true);
            checkpoint.save(t, "all on", 1, 3, List.of(t.snapshot()));
        }
        byte[] good = Files.readAllBytes(checkpoint.file());
        Map<String, Integer> regions = regions(good);
        assertThat(regions.keySet()).containsExactly("magic", "format", "length", "settings", "counters", "network (weights)",
                "optimizer state (header)", "optimizer state (moments)", "optimizer state (counters)", "controller state", "snapshots", "checksum");
        try (Training t = training()) {
            byte[] before = t.snapshot();
            for (Map.Entry<String, Integer> r : regions.entrySet()) {
                for (int bit : new int[] {0, 7}) {
                    byte[] bad = good.clone();
                    bad[r.getValue()] ^= (byte) (1 << bit);
                    Files.write(checkpoint.file(), bad);
                    assertThatThrownBy(() -> checkpoint.load(t, "all on")).as("bit %d flipped in %s at byte %d", bit, r.getKey(), r.getValue())
                            .isInstanceOf(IllegalArgumentException.class)
                            .hasMessageStartingWith("checkpoint " + checkpoint.file() + " is damaged (")
                            .hasMessageEndingWith("delete it to start afresh, or restore a copy");
                }
            }
            assertThat(t.snapshot()).as("the network is untouched").isEqualTo(before);
            assertThat(t.optimizer().step()).isZero();
        }
    }

    @Test
    void truncated_atSeveralPoints_refusedAsDamaged() throws IOException {
        Checkpoint checkpoint = Checkpoint.in(dir);
        try (Training t = training()) {
            checkpoint.save(t, "s", 0, 1, List.of());
            byte[] good = Files.readAllBytes(checkpoint.file());
            for (int length : new int[] {0, 1, 8, 19, 20, 40, good.length / 2, good.length - 5, good.length - 1}) {
                Files.write(checkpoint.file(), Arrays.copyOf(good, length));
                assertThatThrownBy(() -> checkpoint.load(t, "s")).as("truncated to %d bytes", length)
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is damaged (");
            }
            Files.write(checkpoint.file(), Arrays.copyOf(good, good.length + 3));
            assertThatThrownBy(() -> checkpoint.load(t, "s")).hasMessageContaining("is damaged (truncated or extended");
            Files.write(checkpoint.file(), good);
            assertThat(checkpoint.load(t, "s").epochs()).as("the whole file still loads").isZero();
        }
    }

    @Test
    void unwritableDirectory_refusedBeforeTraining() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertThatThrownBy(() -> Checkpoint.in(file.resolve("sub"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("checkpoint directory (" + file.resolve("sub") + ") cannot be written: ");
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        assumeFalse(Files.isWritable(locked), "running as root: permissions do not bind");
        assertThatThrownBy(() -> Checkpoint.in(locked)).hasMessageStartingWith("checkpoint directory (" + locked + ") cannot be written: ");
        assertThat(locked).isEmptyDirectory();
    }

    /** One byte offset inside each region of a format-3 checkpoint, found by walking its sections. */
    static Map<String, Integer> regions(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file);
        Map<String, Integer> at = new LinkedHashMap<>();
        at.put("magic", 3);
        at.put("format", 11);
        at.put("length", 19);
        int pos = 20;
        String[] names = {"settings", "counters", "network (weights)", "optimizer state", "controller state", "snapshots"};
        for (String name : names) {
            int n = b.getInt(pos);
            if (name.equals("optimizer state")) {
                at.put("optimizer state (header)", pos + 4 + 10);
                at.put("optimizer state (moments)", pos + 4 + n / 2);
                at.put("optimizer state (counters)", pos + 4 + n - 4 - 8); // the last gradient counter, before its CRC32
            } else {
                at.put(name, pos + 4 + n / 2);
            }
            pos += 4 + n;
        }
        at.put("checksum", pos + 1);
        assertThat(pos + 4).as("the walk ends at the file's end").isEqualTo(file.length);
        return at;
    }

    private static byte[] bytes(Training t) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        t.optimizerState().write(out);
        return out.toByteArray();
    }
}
