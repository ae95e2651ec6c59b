package dev.anneal.bench.train;

import dev.anneal.bench.host.Load;
import dev.anneal.djl.Images;
import dev.anneal.djl.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import static dev.anneal.bench.train.Setup.LR;
import static dev.anneal.bench.train.Setup.SEED;
import static dev.anneal.bench.train.Setup.TEST_IMAGES;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code anneal bench train}: images per second of Anneal's training against plain PyTorch and against DJL's own
 * Adam in the same loop, in one run, rounds alternating, best of the rounds.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Benchmark training throughput on Fashion-MNIST: Anneal's optimizer in djl's training loop (as anneal train), "
                + "the same loop with DJL's own Adam, and plain PyTorch running the same networks, data, batch size, threads and Adam "
                + "(torch_train.py, shipped in the jar, run by a Python with Debian's python3-torch).",
                "Prints images/s per arm (best of the rounds), anneal/torch and anneal/djl-adam, optimizer ms per mini-batch, "
                        + "and the cost of Anneal's schedule and optimizer layer per step (its optimizer time beyond DJL's Adam)."})
public final class BenchTrainCommand implements Callable<Integer> {
    static final int MAX_IMAGES = 60_000;
    private static final int WARMUP_BATCHES = 4;

    @Option(names = "--models", split = ",", paramLabel = "mlp|cnn|lstm", defaultValue = "mlp,cnn,lstm",
            description = "The networks, comma-separated (default: ${DEFAULT-VALUE}).")
    List<String> models;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "PyTorch intra-op threads of every arm (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--epochs", paramLabel = "E", defaultValue = "1", description = "Epochs per run (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10000", description = "Train on the first N images (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "3",
            description = "Rounds; each runs every arm once, in turn, and the best round of each arm is reported (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "128", description = "Images per mini-batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--python", paramLabel = "FILE", description = "The Python with torch and numpy (default: ${DEFAULT-VALUE}).")
    Path python = TorchArm.DEBIAN_PYTHON;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        List<Model> networks = validate();
        PrintWriter out = command.commandLine().getOut(), err = command.commandLine().getErr();
        try (TorchArm torch = TorchArm.start(python)) {
            Setup first = setup(networks.getFirst());
            first.start();
            Images train = first.train(), test = first.test();
            out.printf(Locale.ROOT, "anneal bench train: Fashion-MNIST, %d epoch(s) of %d training images (accuracy on %d test images), batch %d, "
                            + "Adam lr %s, %d thread(s), best of %d round(s); %d cores, load %s%n",
                    epochs, train.size(), test.size(), batch, LR, threads, rounds, Runtime.getRuntime().availableProcessors(), Load.now());
            out.printf(Locale.ROOT, "  anneal   = djl's Training loop (that of anneal train, without its trace and progress bar) "
                    + "+ AnnealOptimizer adam, lr constant(%s)%n", LR);
            out.printf(Locale.ROOT, "  djl-adam = the same loop + DJL's Optimizer.adam, lr %s%n", LR);
            out.printf(Locale.ROOT, "  torch    = %s + torch.optim.Adam, lr %s, a new process per run%n", torch.describe(), LR);
            out.println("  Anneal layer = anneal optimizer ms/batch - djl-adam optimizer ms/batch; % of anneal's step (forward, backward, optimizer)");
            out.println();
            out.println(TrainBenchReport.HEADER);
            out.flush();
            List<TrainBenchReport.Row> rows = new ArrayList<>();
            for (Model network : networks) {
                TrainBenchReport.Row row = measure(network, torch, train, test, err);
                rows.add(row);
                out.println(row.markdown());
                out.flush();
            }
            out.println();
            out.println(TrainBenchReport.verdict(rows));
            out.printf("load at the end: %s%n", Load.now());
        }
        out.flush();
        return 0;
    }

    /** The models, after checking every option (exit 2 naming the option, its value and the rule). */
    List<Model> validate() {
        positive("--threads", threads);
        positive("--epochs", epochs);
        positive("--rounds", rounds);
        positive("--batch", batch);
        if (limit < 1 || limit > MAX_IMAGES) throw new IllegalArgumentException("--limit (" + limit + ") must be in [1, " + MAX_IMAGES + "]");
        if (models.isEmpty()) throw new IllegalArgumentException("--models () must name at least one of mlp, cnn, lstm");
        List<Model> networks = new ArrayList<>();
        for (String name : models) {
            Model m;
            try {
                m = Model.of(name.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--models (" + name + ") must be a comma-separated list of mlp, cnn, lstm");
            }
            if (networks.contains(m)) throw new IllegalArgumentException("--models (" + String.join(",", models) + ") names " + m.key() + " twice");
            networks.add(m);
        }
        return networks;
    }

    /** Warms up the in-process arms, then runs the rounds, each arm once per round, the order rotating by round. */
    private TrainBenchReport.Row measure(Model network, TorchArm torch, Images train, Images test, PrintWriter err) {
        Setup setup = setup(network);
        Images warmup = train.slice(0, Math.min(train.size(), WARMUP_BATCHES * batch));
        for (DjlArm arm : DjlArm.values()) arm.run(setup, warmup, warmup, 1); // the JIT and the engine's first calls, untimed
        Map<String, Supplier<TrainRun>> arms = new LinkedHashMap<>();
        for (DjlArm arm : DjlArm.values()) arms.put(arm.key(), () -> arm.run(setup, train, test, epochs));
        arms.put("torch", () -> torch.run(network.key(), epochs, limit, TEST_IMAGES, batch, threads, SEED, LR, Setup.DATA));
        List<String> names = List.copyOf(arms.keySet());
        Map<String, List<TrainRun>> runs = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < names.size(); k++) {
                String name = names.get((round + k) % names.size());
                TrainRun run = arms.get(name).get();
                runs.computeIfAbsent(name, x -> new ArrayList<>()).add(run);
                err.printf(Locale.ROOT, "%s round %d/%d %-8s %8.0f images/s, optimizer %.3f ms/batch, test accuracy %.4f%n",
                        network.key(), round + 1, rounds, name, run.imagesPerSecond(), run.optimizerMs(), run.testAccuracy());
                err.flush();
            }
        }
        return new TrainBenchReport.Row(network.key(), TrainBenchReport.Best.of(runs.get(DjlArm.ANNEAL.key())),
                TrainBenchReport.Best.of(runs.get(DjlArm.DJL_ADAM.key())), TrainBenchReport.Best.of(runs.get("torch")));
    }

    private Setup setup(Model network) {
        return new Setup(network, batch, limit, threads);
    }

    private static void positive(String option, int value) {
        if (value < 1) throw new IllegalArgumentException(option + " (" + value + ") must be >= 1");
    }
}
