package dev.anneal.cli;

import dev.anneal.djl.AnnealOptimizer;
import dev.anneal.djl.Engines;
import dev.anneal.djl.FashionMnist;
import dev.anneal.djl.Images;
import dev.anneal.djl.Model;
import dev.anneal.djl.ScheduleFile;
import dev.anneal.optimizer.Method;
import dev.anneal.optim.ScheduleSet;
import dev.anneal.optim.ScheduleSetException;
import dev.anneal.optim.grad.Clipping;
import dev.anneal.optim.grad.GradConfig;
import dev.anneal.optim.grad.LossScaling;
import dev.anneal.optim.grad.Reduction;
import dev.anneal.schedule.Schedule;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The options {@code train} and {@code find-lr} share: data, network, optimizer, schedules, batches, threads. */
final class TrainingOptions {
    @Parameters(index = "0", paramLabel = "DATASET", description = "The data set: fashion-mnist.")
    String dataset;

    @Option(names = "--data", paramLabel = "DIR", description = "Folder of the IDX files (default: ${DEFAULT-VALUE}, from Debian's dataset-fashion-mnist).")
    Path data = FashionMnist.DEBIAN_DIR;

    @Option(names = "--model", paramLabel = "mlp|cnn|lstm", defaultValue = "mlp", description = "The network (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--optimizer", paramLabel = "sgd|momentum|nesterov|adam|adamw", defaultValue = "adam",
            description = "The update rule, with PyTorch's semantics and defaults (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--schedule", paramLabel = "SPEC",
            description = "The learning-rate schedule; percentages are of all steps (default: constant(0.001) for adam and adamw, constant(0.05) otherwise).")
    String schedule;

    @Option(names = "--schedules", paramLabel = "FILE",
            description = "A schedule-set file (YAML or JSON): defaults and groups of hyperparameters (lr, momentum, dampening, beta1, beta2, eps, "
                    + "weight_decay), and the network's (dropout, label_smoothing, bn_momentum, augment; docs/coscheduling.md) as specs, "
                    + "and which parameters each group takes (parameters: group → glob over the parameter's path).")
    Path schedules;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "128", description = "Images per mini-batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--accumulate", paramLabel = "K", defaultValue = "1", description = "Mini-batches per optimizer step (default: ${DEFAULT-VALUE}).")
    int accumulate;

    @Option(names = "--accumulate-mode", paramLabel = "mean|sum", defaultValue = "mean",
            description = "How --accumulate combines the mini-batches' gradients: their mean (one batch of K times the size) or their sum (default: ${DEFAULT-VALUE}).")
    String accumulateMode = "mean"; // also when built without picocli (bench train)

    @Option(names = "--clip-norm", paramLabel = "C", description = "Clip the gradients to a global L2 norm of at most C (PyTorch's clip_grad_norm_).")
    Double clipNorm;

    @Option(names = "--clip-value", paramLabel = "C", description = "Clamp every gradient value into [-C, C] (PyTorch's clip_grad_value_).")
    Double clipValue;

    @Option(names = "--fp16", description = "Emulate half-precision gradients: round every (loss-scaled) gradient value to float16, count overflows and underflows.")
    boolean fp16;

    @Option(names = "--loss-scale", paramLabel = "dynamic|S",
            description = "Multiply the loss by a scale before the backward pass and divide the gradients by it again; a step whose gradients overflow is skipped. "
                    + "dynamic: PyTorch's GradScaler (65536, halved on overflow, doubled after 2000 clean steps); S: a fixed scale "
                    + "(default: dynamic with --fp16, none without).")
    String lossScale;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the initialization and the batch order (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "60000", description = "Use the first N training images (default: all ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--test-limit", paramLabel = "N", defaultValue = "10000", description = "Use the first N test images (default: all ${DEFAULT-VALUE}).")
    int testLimit;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "PyTorch intra-op threads (default: ${DEFAULT-VALUE}; these networks are small, and more threads than idle cores slow every step).")
    int threads;

    /** Checks the options, then starts the engine. */
    void start() {
        if (!"fashion-mnist".equals(dataset)) throw new IllegalArgumentException("DATASET (" + dataset + ") must be fashion-mnist");
        positive("--batch", batch);
        positive("--accumulate", accumulate);
        reduction();
        gradients();
        positive("--limit", limit);
        positive("--test-limit", testLimit);
        model();
        rule();
        Engines.pytorch(threads(), seed);
    }

    int threads() {
        positive("--threads", threads);
        return threads;
    }

    Model model() {
        try {
            return Model.of(model);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--model (" + model + ") must be one of mlp, cnn, lstm");
        }
    }

    Method rule() {
        return Method.of(optimizer, "--optimizer");
    }

    Images train() {
        return FashionMnist.train(data, limit);
    }

    Images test() {
        return FashionMnist.test(data, testLimit);
    }

    /**
     * The schedule set of --schedules (or one group), percentages of {@code totalSteps}; lr from --schedule, the
     * file, or the default (0.001 for adam and adamw, 0.05 otherwise) for the groups the file leaves without one.
     */
    ScheduleFile schedules(long totalSteps) {
        if (schedule != null) return read(totalSteps, lrSpec(totalSteps));
        ScheduleFile file = read(totalSteps, null);
        boolean everyGroupHasLr = file.schedules().groups().stream().allMatch(g -> file.schedules().group(g).containsKey("lr"));
        if (everyGroupHasLr) return file;
        return read(totalSteps, rule().adaptive() ? "constant(0.001)" : "constant(0.05)");
    }

    /** --schedule, checked on its own so that its errors name it. */
    private String lrSpec(long totalSteps) {
        try {
            ScheduleSet.builder().total(totalSteps).defaults(d -> d.set("lr", schedule)).build();
        } catch (ScheduleSetException e) {
            throw new IllegalArgumentException("--schedule (" + schedule + "): " + e.detail(), e);
        }
        return schedule;
    }

    private ScheduleFile read(long totalSteps, String lr) {
        return read(() -> ScheduleFile.read(schedules, totalSteps, lr));
    }

    /** The schedule set of --schedules with {@code lr} (find-lr's sweep) as every group's lr unless a group defines its own. */
    ScheduleFile schedules(long totalSteps, Schedule lr) {
        return read(() -> ScheduleFile.read(schedules, totalSteps, lr));
    }

    private interface Reading {
        ScheduleFile read() throws IOException;
    }

    private ScheduleFile read(Reading reading) {
        try {
            return reading.read();
        } catch (IOException e) {
            throw new IllegalArgumentException("--schedules (" + schedules + ") cannot be read: " + e.getMessage());
        }
    }

    /** The optimizer for {@code schedules}, with the gradient stage of --clip-norm, --clip-value, --fp16, --loss-scale and --accumulate. */
    AnnealOptimizer optimizer(ScheduleFile schedules) {
        return AnnealOptimizer.builder(rule(), schedules).gradients(gradients()).accumulate(accumulate, reduction()).build();
    }

    Reduction reduction() {
        return switch (accumulateMode) {
            case "mean" -> Reduction.MEAN;
            case "sum" -> Reduction.SUM;
            default -> throw new IllegalArgumentException("--accumulate-mode (" + accumulateMode + ") must be mean or sum");
        };
    }

    /** Clipping, loss scaling and fp16 emulation from the options; each bad value named with its option and rule. */
    GradConfig gradients() {
        if (clipNorm != null && clipValue != null) {
            throw new IllegalArgumentException("--clip-norm (" + clipNorm + ") and --clip-value (" + clipValue + ") must not both be given: clip one way");
        }
        Clipping clipping = clipNorm != null ? Clipping.byNorm(positiveFinite("--clip-norm", clipNorm))
                : clipValue != null ? Clipping.byValue(positiveFinite("--clip-value", clipValue)) : Clipping.none();
        return new GradConfig(clipping, lossScaling(), fp16);
    }

    private LossScaling lossScaling() {
        if (lossScale == null) return fp16 ? LossScaling.dynamic() : LossScaling.off();
        if (lossScale.equals("dynamic")) return LossScaling.dynamic();
        double scale;
        try {
            scale = Double.parseDouble(lossScale);
        } catch (NumberFormatException e) {
            scale = Double.NaN;
        }
        if (!(scale > 0) || (float) scale == Float.POSITIVE_INFINITY || !lossScale.matches("[0-9.eE+-]+")) {
            throw new IllegalArgumentException("--loss-scale (" + lossScale + ") must be dynamic or a number > 0 that fits a float (at most 3.4e38)");
        }
        return LossScaling.fixed((float) scale);
    }

    private static double positiveFinite(String option, double value) {
        if (!(value > 0) || Double.isInfinite(value)) throw new IllegalArgumentException(option + " (" + value + ") must be > 0 and finite");
        return value;
    }

    /** The options as the run store's configuration: every setting given or defaulted, by its option's name. */
    Map<String, String> config() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("dataset", dataset);
        c.put("data", data.toString());
        c.put("model", model);
        c.put("optimizer", optimizer);
        if (schedule != null) c.put("schedule", schedule);
        if (schedules != null) c.put("schedules", schedules.toString());
        c.put("batch", Integer.toString(batch));
        c.put("accumulate", Integer.toString(accumulate));
        if (clipNorm != null) c.put("clip-norm", clipNorm.toString());
        c.put("seed", Long.toString(seed));
        c.put("limit", Integer.toString(limit));
        c.put("test-limit", Integer.toString(testLimit));
        c.put("threads", Integer.toString(threads));
        return c;
    }

    /** The settings that a checkpoint must share with the run that resumes it. */
    String settings() {
        return String.format(Locale.ROOT, "model=%s optimizer=%s batch=%d accumulate=%d/%s seed=%d limit=%d gradients=%s",
                model, optimizer, batch, accumulate, accumulateMode, seed, limit, gradients());
    }

    private static void positive(String option, long value) {
        if (value < 1) throw new IllegalArgumentException(option + " (" + value + ") must be >= 1");
    }
}
