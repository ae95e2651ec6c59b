package dev.anneal.sweep;

import dev.anneal.djl.AnnealOptimizer;
import dev.anneal.djl.Diverged;
import dev.anneal.djl.Engines;
import dev.anneal.djl.FashionMnist;
import dev.anneal.djl.Images;
import dev.anneal.djl.Model;
import dev.anneal.djl.Training;
import dev.anneal.optim.ScheduleSet;
import dev.anneal.optimizer.Method;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * A trial that trains a network on Fashion-MNIST with djl's {@link Training} (the loop {@code anneal train} runs):
 * {@code model} (mlp, cnn, lstm), the first {@code limit} training and {@code test-limit} test images, mini-batches
 * of {@code batch}, optionally {@code data} (the IDX folder; Debian's by default) and {@code metric} ({@code loss}:
 * mean test cross-entropy, the default; {@code error}: test error rate). Its curve is the metric at step 0 and every
 * {@code every} optimizer steps, so ASHA's rungs fall on evaluation boundaries (set {@code every} to the steps of an
 * epoch for rungs at epochs). Deterministic per seed: the initialization and the batch order come from the seed,
 * and a run to step n is the prefix of a longer one.
 *
 * <p>DJL's PyTorch engine allows one gradient collector per process, so trials of this kind run one at a time per
 * JVM (a lock held for the whole trial); lab trials beside them run in parallel as before. To train several at
 * once, run them in worker processes ({@link ProcessEngine}) or on Spark executors. PyTorch runs offline with one
 * intra-op thread: the sweep's parallelism is its workers, and one thread gives the same bits on every engine.
 */
final class FashionMnistTrial {
    static final String NAME = "fashion-mnist";
    static final Set<String> KEYS = Set.of("name", "model", "limit", "test-limit", "batch", "data", "metric");
    private static final Object ONE_COLLECTOR = new Object();

    private FashionMnistTrial() {}

    /** Checks the task's keys and values before anything runs. */
    static void check(Map<String, String> task) {
        for (String k : task.keySet()) {
            if (!KEYS.contains(k)) throw new IllegalArgumentException("task." + k + ": unknown key for fashion-mnist; it has " + String.join(", ", KEYS.stream().sorted().toList()));
        }
        Model.of(task.getOrDefault("model", "mlp"));
        whole(task, "limit", 60000);
        whole(task, "test-limit", 10000);
        whole(task, "batch", 64);
        metric(task);
    }

    static Outcome run(Setup s, ScheduleSet set, long budget) {
        Engines.pytorch(1, s.seed()); // before anything starts the engine with its default threads
        Map<String, String> p = s.task();
        check(p);
        Path dir = p.containsKey("data") ? Path.of(p.get("data")) : FashionMnist.DEBIAN_DIR;
        Images train = FashionMnist.train(dir, whole(p, "limit", 60000));
        Images test = FashionMnist.test(dir, whole(p, "test-limit", 10000));
        boolean error = metric(p).equals("error");
        double[] curve = new double[(int) (budget / s.every()) + 1];
        AnnealOptimizer optimizer = AnnealOptimizer.builder(Method.of(s.optimizer()), set).build();
        synchronized (ONE_COLLECTOR) {
            try (Training t = new Training(Model.of(p.getOrDefault("model", "mlp")), optimizer, whole(p, "batch", 64), s.seed())) {
                curve[0] = evaluate(t, test, error);
                int[] recorded = {0};
                try {
                    for (int epoch = 0; optimizer.step() < budget; epoch++) {
                        t.epoch(train, epoch, step -> {
                            long done = step.step() + 1;
                            if (done % s.every() == 0) curve[++recorded[0]] = evaluate(t, test, error);
                            return done < budget;
                        });
                    }
                } catch (Diverged e) {
                    Arrays.fill(curve, recorded[0] + 1, curve.length, Double.POSITIVE_INFINITY);
                }
            }
        }
        return Outcome.of(curve, s.every());
    }

    private static double evaluate(Training t, Images test, boolean error) {
        return error ? 1 - t.accuracy(test) : t.loss(test);
    }

    private static String metric(Map<String, String> p) {
        String m = p.getOrDefault("metric", "loss");
        if (!m.equals("loss") && !m.equals("error")) throw new IllegalArgumentException("task.metric (" + m + ") must be loss or error");
        return m;
    }

    private static int whole(Map<String, String> p, String key, int fallback) {
        String v = p.get(key);
        if (v == null) return fallback;
        try {
            int n = Integer.parseInt(v);
            if (n >= 1) return n;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("task." + key + " (" + v + ") must be a whole number >= 1");
    }
}
