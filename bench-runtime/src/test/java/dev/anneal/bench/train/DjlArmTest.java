package dev.anneal.bench.train;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.anneal.djl.AnnealOptimizer;
import dev.anneal.djl.Engines;
import dev.anneal.djl.FashionMnist;
import dev.anneal.djl.Images;
import dev.anneal.djl.Model;
import dev.anneal.djl.Training;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The two in-process arms of {@code anneal bench train} do the same training: the same network, initialization,
 * batches and Adam, one stepped by Anneal's optimizer and one by DJL's own (timings are not checked here).
 */
class DjlArmTest {

    private static List<Double> losses(Training training, Images images) {
        List<Double> losses = new ArrayList<>();
        training.epoch(images, 0, step -> losses.add(step.loss()));
        return losses;
    }

    @Test
    void djlAdamInTrainingsLoop_followsAnnealsAdam() {
        Engines.pytorch(1, 1);
        Images images = FashionMnist.train(FashionMnist.DEBIAN_DIR, 256);
        List<Double> anneal, djl;
        AnnealOptimizer adam = new Setup(Model.MLP, 64, 256, 1).adam(4);
        try (Training t = new Training(Model.MLP, adam, 64, 1)) {
            anneal = losses(t, images);
        }
        Optimizer djlAdam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.001f)).build();
        try (Training t = Training.withUpdater(Model.MLP, new DjlUpdater(djlAdam), 64, 1)) {
            djl = losses(t, images);
            assertThat(t.timing().batches()).isEqualTo(4);
        }
        assertThat(anneal).hasSize(4);
        assertThat(djl).hasSize(4);
        // the same initialization and first batch give the same first loss; after that the two Adams differ only in
        // where eps enters (DJL adds it to sqrt(v) before the bias correction), far below these tolerances
        assertThat(djl.getFirst()).isEqualTo(anneal.getFirst());
        for (int i = 1; i < 4; i++) assertThat(djl.get(i)).as("loss at step %d", i).isCloseTo(anneal.get(i), within(1e-4 * anneal.get(i)));
        assertThat(anneal.getLast()).as("Adam lowered the loss").isLessThan(anneal.getFirst());
    }

    @Test
    void bothArms_reachTheSameTestAccuracy() {
        Engines.pytorch(1, 1);
        Setup setup = new Setup(Model.MLP, 128, 256, 1);
        Images train = FashionMnist.train(FashionMnist.DEBIAN_DIR, 256), test = FashionMnist.test(FashionMnist.DEBIAN_DIR, 1000);
        TrainRun anneal = DjlArm.ANNEAL.run(setup, train, test, 2);
        TrainRun djl = DjlArm.DJL_ADAM.run(setup, train, test, 2);
        assertThat(anneal.testAccuracy()).isCloseTo(djl.testAccuracy(), within(0.002));
        assertThat(anneal.testAccuracy()).as("four Adam steps beat chance (0.1)").isGreaterThan(0.2);
        for (TrainRun r : List.of(anneal, djl)) {
            assertThat(r.imagesPerSecond()).isPositive().isFinite();
            assertThat(r.optimizerMs()).isPositive();
            assertThat(r.forwardBackwardMs()).isPositive();
        }
    }
}
