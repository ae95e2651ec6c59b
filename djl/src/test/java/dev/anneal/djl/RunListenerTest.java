package dev.anneal.djl;

import dev.anneal.optimizer.Method;
import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.loss.Loss;
import dev.anneal.optim.ScheduleSet;
import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Spec;
import dev.anneal.store.Event;
import dev.anneal.store.NewRun;
import dev.anneal.store.Point;
import dev.anneal.store.Recorder;
import dev.anneal.store.RunKind;
import dev.anneal.store.RunStore;
import dev.anneal.store.SeriesKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A DJL Trainer with EasyTrain records its loss, evaluators and Anneal's applied hyperparameters through one listener. */
class RunListenerTest {
    @BeforeAll
    static void engine() {
        Engines.pytorch(1, 1);
    }

    @Test
    void a_djl_trainer_records_loss_evaluators_and_every_applied_hyperparameter(@TempDir Path dir) throws Exception {
        String lrSpec = "linear(0.05, 0.005, 8)";
        AnnealOptimizer optimizer = AnnealOptimizer.builder(Method.of("momentum"),
                ScheduleSet.builder().total(8).defaults(d -> d.set("lr", lrSpec)).build()).build();
        try (RunStore store = RunStore.open(dir.resolve("runs.db").toString());
             NDManager manager = NDManager.newBaseManager();
             Model model = Model.newInstance("linear")) {
            Recorder recorder = store.start(NewRun.of(RunKind.TRAIN, "djl trainer"));
            // y = 2·x0 − x1 + 0.5 on 40 fixed points: 4 batches of 10, 2 epochs, 8 updates
            float[] x = new float[80], y = new float[40];
            for (int i = 0; i < 40; i++) {
                x[2 * i] = (i % 7) / 7f;
                x[2 * i + 1] = (i % 5) / 5f;
                y[i] = 2 * x[2 * i] - x[2 * i + 1] + 0.5f;
            }
            ArrayDataset data = new ArrayDataset.Builder().setData(manager.create(x, new Shape(40, 2)))
                    .optLabels(manager.create(y, new Shape(40, 1))).setSampling(10, false).build();
            model.setBlock(Linear.builder().setUnits(1).build());
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(optimizer)
                    .addEvaluator(Loss.l1Loss())
                    .addTrainingListeners(new RunListener(recorder, optimizer)); // the one line
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(10, 2));
                EasyTrain.fit(trainer, 2, data, null);
            }
            recorder.finish();

            String id = recorder.runId();
            assertThat(store.series(id)).contains(SeriesKey.of("loss"), SeriesKey.of("L1Loss"), SeriesKey.of("lr"),
                    SeriesKey.of("momentum"));
            Schedule lr = Spec.parse(lrSpec);
            List<Point> lrs = store.points(id, SeriesKey.of("lr"));
            assertThat(lrs).extracting(Point::step).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
            for (Point p : lrs) assertThat(p.value()).as("lr at %d", p.step()).isEqualTo(lr.at(p.step()));
            List<Point> loss = store.points(id, SeriesKey.of("loss"));
            assertThat(loss).hasSize(8).allMatch(p -> Double.isFinite(p.value()) && p.value() >= 0);
            double first = loss.subList(0, 4).stream().mapToDouble(Point::value).sum();
            double second = loss.subList(4, 8).stream().mapToDouble(Point::value).sum();
            assertThat(second).as("the second epoch's loss, on the same batches").isLessThan(first);
            assertThat(store.events(id)).extracting(Event::type).containsExactly("epoch-end", "epoch-end");
            // wall time: seconds since the run started, one per step, never decreasing
            List<Point> time = store.points(id, SeriesKey.of(Recorder.TIME));
            assertThat(time).extracting(Point::step).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
            assertThat(time.getFirst().value()).isGreaterThan(0);
            for (int i = 1; i < time.size(); i++) assertThat(time.get(i).value()).isGreaterThanOrEqualTo(time.get(i - 1).value());
            // the final metrics are the last epoch's means
            assertThat(store.get(id).metrics().get("loss")).isCloseTo(second / 4, org.assertj.core.api.Assertions.within(1e-12));
            assertThat(store.get(id).metrics()).containsKey("L1Loss");
        }
    }
}
