package dev.anneal.djl;

import ai.djl.ndarray.NDList;
import ai.djl.training.Trainer;
import ai.djl.training.evaluator.Evaluator;
import ai.djl.training.listener.TrainingListenerAdapter;
import dev.anneal.optim.grad.Verdict;
import dev.anneal.store.Recorder;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records a DJL {@link Trainer}'s run into Anneal's run store: every batch's loss, evaluator values and wall time, every
 * hyperparameter the {@link AnnealOptimizer} applies (per parameter group), an event at each epoch's end, and as the
 * run's metrics the last epoch's mean loss and evaluator values (and the trainer's own evaluations when DJL's
 * evaluator listener ran). One line in a user's training code:
 * <pre>{@code config.addTrainingListeners(new RunListener(recorder, optimizer));}</pre>
 * The listener only appends to the recorder; the database is written off the training thread.
 */
public final class RunListener extends TrainingListenerAdapter {
    private final Recorder recorder;
    private final AnnealOptimizer optimizer;
    private long step;
    private int epoch;
    /** Sum and count of each series over the current epoch, for the final metrics. */
    private final Map<String, double[]> epochSums = new LinkedHashMap<>();
    private final Map<String, Double> lastEpochMeans = new LinkedHashMap<>();

    /** Records loss and evaluators; hyperparameters too when {@code optimizer} (nullable) is Anneal's. */
    public RunListener(Recorder recorder, AnnealOptimizer optimizer) {
        this.recorder = recorder;
        this.optimizer = optimizer;
    }

    public RunListener(Recorder recorder) {
        this(recorder, null);
    }

    /**
     * DJL calls this before the batch's update. Under DJL's trainer the optimizer reads every parameter's schedules
     * at that parameter's own update count, which is the number of batches so far: the values recorded here are
     * the ones this batch's update applies.
     */
    @Override
    public void onTrainingBatch(Trainer trainer, BatchData batch) {
        value("loss", mean(trainer.getLoss(), batch));
        for (Evaluator e : trainer.getEvaluators()) {
            if (e != trainer.getLoss()) value(e.getName(), mean(e, batch));
        }
        if (optimizer != null) hyperparameters(recorder, step, optimizer.hyperparameters(step));
        recorder.time(step);
        step++;
    }

    private void value(String series, double v) {
        recorder.record(series, step, v);
        double[] sum = epochSums.computeIfAbsent(series, k -> new double[2]);
        sum[0] += v;
        sum[1]++;
    }

    @Override
    public void onEpoch(Trainer trainer) {
        recorder.event(step, "epoch-end", "epoch " + ++epoch + " ended after " + step + " batches");
        lastEpochMeans.clear();
        epochSums.forEach((series, sum) -> lastEpochMeans.put(series, sum[0] / sum[1]));
        epochSums.clear();
    }

    @Override
    public void onTrainingEnd(Trainer trainer) {
        lastEpochMeans.forEach(recorder::metric);
        var result = trainer.getTrainingResult();
        if (result != null) result.getEvaluations().forEach(recorder::metric);
    }

    /** One of Anneal's own training steps: loss, accuracy, epoch and every applied hyperparameter. */
    public static void record(Recorder recorder, Step s) {
        recorder.record("loss", s.step(), s.loss());
        recorder.record("accuracy", s.step(), s.accuracy());
        recorder.record("epoch", s.step(), s.epoch());
        hyperparameters(recorder, s.step(), s.hyperparameters());
        switch (s.verdict()) {
            case null -> { } // DJL's own optimizer: no gradient pipeline
            case Verdict.Apply a -> {
                recorder.record("grad_norm", s.step(), a.normBefore());
                recorder.record("loss_scale", s.step(), a.scale());
                if (a.clipped()) recorder.event(s.step(), "clipped", "gradient norm " + a.normBefore() + " clipped to " + a.normAfter());
            }
            case Verdict.Skip k -> {
                recorder.record("loss_scale", s.step(), k.scale());
                recorder.event(s.step(), "skipped", k.nonFinite() + " non-finite gradient values (first " + k.value()
                        + "): update skipped, loss scale " + k.scale() + " -> " + k.nextScale());
            }
        }
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
