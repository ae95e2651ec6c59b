package dev.anneal.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Spec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TrackersTest {

    @Test
    void tracker_returnsScheduleValues_firstDjlUpdateIsStepZero() {
        Schedule schedule = Spec.parse("warmup(4, cosine(0.1, 16))");
        Tracker tracker = Trackers.of(schedule);
        for (int n = 1; n <= 30; n++) {
            assertThat(tracker.getNewValue(n)).as("DJL update %d", n).isEqualTo((float) schedule.at(n - 1));
            assertThat(tracker.getNewValue("any.parameter", n)).isEqualTo((float) schedule.at(n - 1));
        }
        // warmup(4, …) ramps 0, 0.025, 0.05, 0.075, then the cosine starts at 0.1
        assertThat(tracker.getNewValue(1)).isEqualTo(0f);
        assertThat(tracker.getNewValue(3)).isEqualTo(0.05f);
        assertThat(tracker.getNewValue(5)).isEqualTo(0.1f);
    }

    @Test
    void tracker_drivesDjlSgd_oneStepPerUpdate() {
        Schedule schedule = Spec.parse("linear(0.5, 0.1, 4)");
        Optimizer sgd = Optimizer.sgd().setLearningRateTracker(Trackers.of(schedule)).build();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = manager.create(new float[] {1f, -2f});
            double w0 = 1, w1 = -2;
            for (int step = 0; step < 6; step++) {
                NDArray grad = manager.create(new float[] {0.5f, 1f});
                sgd.update("w", weight, grad);
                double lr = (float) schedule.at(step);
                w0 -= lr * 0.5;
                w1 -= lr * 1.0;
                float[] w = weight.toFloatArray();
                assertThat((double) w[0]).as("step %d", step).isCloseTo(w0, within(1e-6));
                assertThat((double) w[1]).as("step %d", step).isCloseTo(w1, within(1e-6));
            }
        }
    }

    @Test
    void tracker_nullSchedule_rejected() {
        assertThatThrownBy(() -> Trackers.of(null)).hasMessage("schedule (null) must be given");
    }
}
