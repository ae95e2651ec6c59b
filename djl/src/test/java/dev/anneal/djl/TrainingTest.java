package dev.anneal.djl;

import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Spec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real training on a subset of Fashion-MNIST: accuracy reached, and resume equal to an uninterrupted run. */
class TrainingTest {
    static Images train, test;

    @TempDir
    Path dir;

    @BeforeAll
    static void data() {
        Engines.pytorch(1, 1);
        train = FashionMnist.train(FashionMnist.DEBIAN_DIR, 4000);
        test = FashionMnist.test(FashionMnist.DEBIAN_DIR, 2000);
    }

    @Test
    void mlp_adamOneCycle_threeEpochsOn4000Images_reachesEightyPercent() {
        long perEpoch = Training.stepsPerEpoch(train.size(), 64, 1);
        AnnealOptimizer adam = AnnealOptimizer.builder(Rule.ADAM, AnnealOptimizerTest.set("lr", Spec.parse("onecycle(0.003, 100%)", 3 * perEpoch))).build();
        List<Step> steps = new ArrayList<>();
        try (Training t = new Training(Model.MLP, adam, 64, 7)) {
            double before = t.accuracy(test);
            for (int e = 0; e < 3; e++) t.epoch(train, e, steps::add);
            assertThat(before).as("untrained: about one class in ten").isLessThan(0.3);
            assertThat(t.accuracy(test)).as("test accuracy after 3 epochs").isGreaterThan(0.80);
        }
        assertThat(steps).hasSize((int) (3 * perEpoch));
        assertThat(steps.getFirst().loss()).as("loss at step 0, about ln 10").isBetween(2.0, 2.6);
        assertThat(steps.getLast().loss()).isLessThan(0.7);
    }

    @ParameterizedTest
    @EnumSource(value = Model.class, names = {"CNN", "LSTM"})
    void cnnAndLstm_twoEpochsOn1000Images_reachSixtyPercent(Model model) {
        Images subset = train.slice(0, 1000), few = test.slice(0, 500);
        try (Training t = new Training(model, adam(Schedule.constant(0.003)), 50, 2)) {
            for (int e = 0; e < 2; e++) t.epoch(subset, e, s -> true);
            assertThat(t.accuracy(few)).as("%s test accuracy (chance: 0.1)", model).isGreaterThan(0.6);
        }
    }

    @Test
    void restore_predictsWithTheRestoredNetwork() {
        Images subset = train.slice(0, 1000);
        try (Training t = new Training(Model.MLP, adam(Schedule.constant(0.003)), 50, 11)) {
            byte[] initial = t.snapshot();
            float[] before = t.probabilities(test);
            t.epoch(subset, 0, s -> true);
            float[] trained = t.probabilities(test);
            assertThat(trained).isNotEqualTo(before);
            t.restore(initial);
            assertThat(t.probabilities(test)).isEqualTo(before);
        }
    }

    @Test
    void stepsPerEpoch_countsPartialBatchesAndAccumulation() {
        assertThat(Training.stepsPerEpoch(4000, 64, 1)).isEqualTo(63); // 62 full batches and one of 32
        assertThat(Training.stepsPerEpoch(4000, 64, 2)).isEqualTo(32); // the last update has one mini-batch
        assertThat(Training.stepsPerEpoch(60000, 128, 1)).isEqualTo(469);
    }

    @Test
    void resume_fromCheckpoint_equalsUninterruptedRun() throws IOException {
        Images subset = train.slice(0, 1000);
        Schedule lr = Spec.parse("warmup(10, cosine(0.004, 50))");
        List<Step> uninterrupted = new ArrayList<>(), resumed = new ArrayList<>();
        byte[] expectedParameters, expectedState;
        try (Training t = new Training(Model.MLP, adam(lr), 40, 5)) {
            for (int e = 0; e < 3; e++) t.epoch(subset, e, uninterrupted::add);
            expectedParameters = t.snapshot();
            expectedState = state(t);
        }
        Checkpoint checkpoint = Checkpoint.in(dir);
        try (Training t = new Training(Model.MLP, adam(lr), 40, 5)) {
            t.epoch(subset, 0, s -> true);
            checkpoint.save(t, "mlp adam", 1, 3, List.of());
        }
        try (Training t = new Training(Model.MLP, adam(lr), 40, 5)) { // freshly initialized: the checkpoint replaces network and state
            assertThat(checkpoint.load(t, "mlp adam").epochs()).isEqualTo(1);
            assertThat(t.optimizer().step()).isEqualTo(25);
            for (int e = 1; e < 3; e++) t.epoch(subset, e, resumed::add);
            assertThat(t.snapshot()).as("network after resuming").isEqualTo(expectedParameters);
            assertThat(state(t)).as("optimizer state after resuming").isEqualTo(expectedState);
        }
        assertThat(resumed).as("steps 25 to 74: schedule values, losses and accuracies").isEqualTo(uninterrupted.subList(25, 75));
    }

    @Test
    void resume_otherSettings_rejected() {
        Checkpoint checkpoint = Checkpoint.in(dir);
        try (Training t = new Training(Model.MLP, adam(Schedule.constant(0.001)), 40, 5)) {
            checkpoint.save(t, "mlp adam batch=40", 0, 1, List.of());
            assertThatThrownBy(() -> checkpoint.load(t, "mlp adam batch=64"))
                    .hasMessage("checkpoint (" + checkpoint.file() + ") was written by a run with other settings: mlp adam batch=40; "
                            + "this run: mlp adam batch=64 (use another --checkpoint DIR)");
        }
    }

    private static AnnealOptimizer adam(Schedule lr) {
        return AnnealOptimizer.builder(Rule.ADAM, AnnealOptimizerTest.set("lr", lr, "beta1", "linear(0.85, 0.95, 60)")).build();
    }

    private static byte[] state(Training t) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        t.optimizerState().write(bytes);
        return bytes.toByteArray();
    }
}
