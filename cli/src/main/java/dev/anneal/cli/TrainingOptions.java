package dev.anneal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.anneal.djl.AnnealOptimizer;
import dev.anneal.djl.Engines;
import dev.anneal.djl.FashionMnist;
import dev.anneal.djl.Hyper;
import dev.anneal.djl.Images;
import dev.anneal.djl.Model;
import dev.anneal.djl.Rule;
import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
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
            description = "A YAML map from hyperparameter (lr, momentum, beta1, beta2, eps, weight_decay) to spec.")
    Path schedules;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "128", description = "Images per mini-batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--accumulate", paramLabel = "K", defaultValue = "1", description = "Mini-batches per update (default: ${DEFAULT-VALUE}).")
    int accumulate;

    @Option(names = "--clip-norm", paramLabel = "X", description = "Clip gradients to a global L2 norm of at most X.")
    Double clipNorm;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the initialization and the batch order (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "60000", description = "Use the first N training images (default: all ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--test-limit", paramLabel = "N", defaultValue = "10000", description = "Use the first N test images (default: all ${DEFAULT-VALUE}).")
    int testLimit;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "PyTorch intra-op threads (default: ${DEFAULT-VALUE}; these networks are small, and more threads than idle cores slow every step).")
    int threads;

    /** Whether the optimizer measures the gradient norm at every update (set by train for the brake). */
    boolean measureGradNorm;

    /** Checks the options, then starts the engine. */
    void start() {
        if (!"fashion-mnist".equals(dataset)) throw new IllegalArgumentException("DATASET (" + dataset + ") must be fashion-mnist");
        positive("--batch", batch);
        positive("--accumulate", accumulate);
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

    Rule rule() {
        for (Rule r : Rule.values()) if (r.key().equals(optimizer)) return r;
        throw new IllegalArgumentException("--optimizer (" + optimizer + ") must be one of sgd, momentum, nesterov, adam, adamw");
    }

    Images train() {
        return FashionMnist.train(data, limit);
    }

    Images test() {
        return FashionMnist.test(data, testLimit);
    }

    /** Every scheduled hyperparameter, percentages taken of {@code totalSteps}; lr from --schedule, the file or the default. */
    Map<Hyper, Schedule> schedules(long totalSteps) {
        Map<Hyper, Schedule> all = fileSchedules(totalSteps);
        if (schedule != null) {
            if (all.containsKey(Hyper.LR)) throw new IllegalArgumentException("--schedule and --schedules (" + schedules + ") both give lr: keep one");
            all.put(Hyper.LR, parse("--schedule", schedule, totalSteps));
        }
        if (!all.containsKey(Hyper.LR)) {
            Rule rule = rule();
            all.put(Hyper.LR, Schedule.constant(rule == Rule.ADAM || rule == Rule.ADAMW ? 0.001 : 0.05));
        }
        return all;
    }

    /** The schedules of --schedules, if given. */
    Map<Hyper, Schedule> fileSchedules(long totalSteps) {
        Map<Hyper, Schedule> into = new EnumMap<>(Hyper.class);
        if (schedules == null) return into;
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(schedules));
        } catch (IOException e) {
            throw new IllegalArgumentException("--schedules (" + schedules + ") cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("--schedules (" + schedules + ") must be a YAML map from hyperparameter to spec, e.g. 'lr: cosine(0.1, 100%)'");
        }
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            Hyper h = Hyper.of(e.getKey().toLowerCase(Locale.ROOT));
            into.put(h, parse("--schedules " + e.getKey(), e.getValue().asText(), totalSteps));
        }
        return into;
    }

    private static Schedule parse(String where, String text, long totalSteps) {
        try {
            return Spec.parse(text, totalSteps);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " (" + text + "): " + e.getMessage(), e);
        }
    }

    /** The optimizer for {@code schedules}, with --clip-norm and --accumulate. */
    AnnealOptimizer optimizer(Map<Hyper, Schedule> schedules) {
        AnnealOptimizer.Builder b = AnnealOptimizer.builder(rule()).schedules(schedules).accumulate(accumulate);
        if (measureGradNorm) b.measureGradNorm();
        if (clipNorm != null) {
            try {
                b.clipNorm(clipNorm);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--clip-norm (" + clipNorm + ") must be > 0 and finite");
            }
        }
        return b.build();
    }

    /** The settings that a checkpoint must share with the run that resumes it. */
    String settings() {
        return String.format(Locale.ROOT, "model=%s optimizer=%s batch=%d accumulate=%d seed=%d limit=%d clip=%s",
                model, optimizer, batch, accumulate, seed, limit, clipNorm);
    }

    private static void positive(String option, long value) {
        if (value < 1) throw new IllegalArgumentException(option + " (" + value + ") must be >= 1");
    }
}
