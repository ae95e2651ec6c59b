package dev.anneal.djl;

import ai.djl.ndarray.NDList;
import ai.djl.training.Trainer;
import ai.djl.training.evaluator.Evaluator;
import ai.djl.training.listener.TrainingListenerAdapter;
import dev.anneal.store.Recorder;

import java.util.Map;

/**
 * Records a DJL {@link Trainer}'s run into Anneal's run store: every batch's loss and evaluator values, every
 * hyperparameter the {@link AnnealOptimizer} applies (per parameter group), an event at each epoch's end, and the
 * trainer's final evaluations as the run's metrics. One line in a user's training code:
 * <pre>{@code config.addTrainingListeners(new RunListener(recorder, optimizer));}</pre>
 * The listener only appends to the recorder; the database is written off the training thread.
 */
public final class RunListener extends TrainingListenerAdapter {
    private final Recorder recorder;
    private final AnnealOptimizer optimizer;
    private long step;
    private int epoch;

    /** Records loss and evaluators; hyperparameters too when {@code optimizer} (nullable) is Anneal's. */
    public RunListener(Recorder recorder, AnnealOptimizer optimizer) {
        this.recorder = recorder;
        this.optimizer = optimizer;
    }

    public RunListener(Recorder recorder) {
        this(recorder, null);
    }

    /** DJL calls this before the batch's update: the hyperparameters recorded are the ones that update applies. */
    @Override
    public void onTrainingBatch(Trainer trainer, BatchData batch) {
        recorder.record("loss", step, mean(trainer.getLoss(), batch));
        for (Evaluator e : trainer.getEvaluators()) {
            if (e != trainer.getLoss()) recorder.record(e.getName(), step, mean(e, batch));
        }
        if (optimizer != null) hyperparameters(recorder, step, optimizer.hyperparameters(optimizer.step()));
        step++;
    }

    @Override
    public void onEpoch(Trainer trainer) {
        recorder.event(step, "epoch-end", "epoch " + ++epoch + " ended after " + step + " batches");
    }

    @Override
    public void onTrainingEnd(Trainer trainer) {
        var result = trainer.getTrainingResult();
        if (result != null) result.getEvaluations().forEach((name, value) -> recorder.metric(name, value));
    }

    /** One of Anneal's own training steps: loss, accuracy, epoch and every applied hyperparameter. */
    public static void record(Recorder recorder, Step s) {
        recorder.record("loss", s.step(), s.loss());
        recorder.record("accuracy", s.step(), s.accuracy());
        recorder.record("epoch", s.step(), s.epoch());
        hyperparameters(recorder, s.step(), s.hyperparameters());
    }

    /** Trace columns ({@code lr}, or {@code group.lr} with several groups) as series per parameter group. */
    static void hyperparameters(Recorder recorder, long step, Map<String, Double> columns) {
        columns.forEach((column, value) -> {
            int dot = column.lastIndexOf('.');
            recorder.record(column.substring(dot + 1), dot < 0 ? "" : column.substring(0, dot), step, value);
        });
    }

    private static double mean(Evaluator evaluator, BatchData batch) {
        double sum = 0;
        int n = 0;
        for (var device : batch.getLabels().keySet()) {
            NDList labels = batch.getLabels().get(device), predictions = batch.getPredictions().get(device);
            try (var value = evaluator.evaluate(labels, predictions)) {
                sum += value.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble();
            }
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
