package dev.anneal.cli;

import dev.anneal.djl.AnnealOptimizer;
import dev.anneal.djl.Checkpoint;
import dev.anneal.djl.Control;
import dev.anneal.djl.Diverged;
import dev.anneal.djl.Images;
import dev.anneal.djl.ScheduleFile;
import dev.anneal.djl.Snapshots;
import dev.anneal.djl.Step;
import dev.anneal.djl.Training;
import dev.anneal.control.Decision;
import dev.anneal.optim.grad.LossScaling;
import dev.anneal.schedule.Schedule;
import dev.anneal.store.NewRun;
import dev.anneal.store.RunKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code anneal train fashion-mnist}: real training with DJL's PyTorch engine, every hyperparameter scheduled. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a network on Fashion-MNIST with DJL's PyTorch engine (CPU, offline); every hyperparameter follows a schedule.")
final class TrainCommand implements Callable<Integer> {

    @Mixin
    TrainingOptions options;

    @Mixin
    ControlOptions controls;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "5", description = "Passes over the training images (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--trace", paramLabel = "FILE",
            description = "CSV of every step's applied hyperparameters, loss and accuracy (default: DIR/train-trace.csv with -o DIR, else none).")
    Path trace;

    @Option(names = "--figure", paramLabel = "FILE", description = "PNG of the lr and loss curves (default: DIR/train.png with -o DIR, else none).")
    Path figure;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Write the trace, figure and decisions into DIR (the run store has them all anyway).")
    Path output;

    @Mixin
    StoreOptions store;

    @Option(names = "--checkpoint", paramLabel = "DIR",
            description = "Save network, optimizer state and step, controller state and kept snapshots to DIR after every epoch; "
                    + "resume from DIR when it holds a checkpoint.")
    Path checkpoint;

    @Option(names = "--snapshots", description = "Keep a snapshot at each cycle end of a warm-restart schedule; report the ensemble's test accuracy.")
    boolean snapshots;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        try {
            return train();
        } catch (Diverged e) {
            command.commandLine().getErr().println("anneal: training diverged: " + e.getMessage());
            return Main.DIVERGED;
        }
    }

    private int train() {
        if (epochs < 1) throw new IllegalArgumentException("--epochs (" + epochs + ") must be >= 1");
        trace = OutputFiles.chosen(trace, output, "train-trace.csv");
        figure = OutputFiles.chosen(figure, output, "train.png");
        controls.decisions = OutputFiles.chosen(controls.decisions, output, "train-decisions.csv");
        // Outputs that cannot be written are found now, not after an epoch of training.
        OutputFiles.checkFile("--trace", trace);
        TrainingChart.check(figure);
        OutputFiles.checkFile("--decisions", controls.decisions);
        if (checkpoint != null) OutputFiles.checkDirectory("--checkpoint", checkpoint);
        boolean control = controls.any();
        options.start();
        Images train = options.train(), test = options.test(), heldOut = null;
        if (snapshots || controls.needsHeldOut()) { // a tenth of the training images choose the ensemble's members or feed the plateau
            int cut = train.size() - Math.max(1, train.size() / 10);
            heldOut = train.slice(cut, train.size());
            train = train.slice(0, cut);
        }
        long perEpoch = Training.stepsPerEpoch(train.size(), options.batch, options.accumulate);
        long total = perEpoch * epochs;
        ScheduleFile schedules = options.schedules(total);
        Schedule lr = schedules.lr();
        List<Long> cycleEnds = snapshots ? Snapshots.cycleEnds(lr, total) : List.of();
        if (snapshots && cycleEnds.isEmpty()) {
            throw new IllegalArgumentException("--snapshots needs a warm-restart schedule such as sgdr(0.1, period=20%, mult=1, floor=0): lr "
                    + lr + " has no restart within " + total + " steps");
        }
        AnnealOptimizer optimizer = options.optimizer(schedules);
        PrintWriter out = command.commandLine().getOut(), err = command.commandLine().getErr();
        String settings = options.settings() + " schedules=" + schedules;
        // ---- controller, snapshots and checkpoint (kept apart from the schedule and optimizer lines above) ----
        Control<?> controller = control ? controls.control(lr, perEpoch, heldOut, train, options.seed) : null;
        if (controller != null) settings += " control=" + controller.settings();
        if (snapshots) settings += " snapshots";
        NewRun described = NewRun.of(RunKind.TRAIN, options.model().key() + " " + options.optimizer + " " + lr)
                .withSeed(options.seed).withSchedule(String.join("\n", schedules.lines()))
                .withConfig(options.config()).withConfig(Map.of("epochs", Integer.toString(epochs), "snapshots", Boolean.toString(snapshots),
                        "control", controller == null ? "none" : controller.settings()));
        try (Training training = new Training(options.model(), optimizer, options.batch, options.seed);
             Recording run = store.start(described, out)) {
            Trace[] decisionLog = new Trace[1];
            if (controller != null) training.control(controller, d -> {
                logDecision(out, decisionLog[0], controller.name(), d);
                run.event(d.step(), controller.name(), d.toString());
            });
            int first = 0;
            List<byte[]> kept = new ArrayList<>();
            Checkpoint saved = checkpoint == null ? null : Checkpoint.in(checkpoint);
            if (saved != null && saved.exists()) {
                Checkpoint.Saved resumed = saved.load(training, settings);
                first = resumed.epochs();
                if (first > epochs) {
                    throw new IllegalArgumentException("--epochs (" + epochs + ") must be at least the " + first
                            + " epochs the checkpoint " + saved.file() + " has done");
                }
                kept.addAll(resumed.snapshots());
                out.printf(Locale.ROOT, "resumed from %s: %d of %d epochs done, step %d%s%n", saved.file(), first, epochs, optimizer.step(),
                        snapshots ? ", " + kept.size() + " snapshots kept" : "");
            }
            out.printf(Locale.ROOT, "%s, %s, %d training images, %d test images, %d epochs of %d steps, %d threads%n",
                    options.model().key(), optimizer.rule().key(), train.size(), test.size(), epochs, perEpoch, options.threads());
            schedules.lines().forEach(line -> out.printf("  %s%n", line));
            if (controller != null) out.printf("  control = %s%n", controls.described());
            out.flush();
            List<Step> steps = new ArrayList<>();
            Progress progress = new Progress(err, epochs, perEpoch);
            long started = System.nanoTime();
            try (Trace csv = new Trace(trace, optimizer.step()); Trace decisions = controller == null ? null : new Trace(controls.decisions, optimizer.step())) {
                decisionLog[0] = decisions;
                for (int epoch = first; epoch < epochs; epoch++) {
                    training.epoch(train, epoch, s -> {
                        csv.write(s);
                        GradientReport.skipped(out, s);
                        run.step(s);
                        steps.add(s);
                        progress.update(s);
                        // every cycle end, the run's last step included, so a shorter run resumed later keeps the same ones
                        if (snapshots && Snapshots.cycleEnd(lr, s.step())) kept.add(training.snapshot());
                        return true;
                    });
                    if (saved != null) saved.save(training, settings, epoch + 1, epochs, kept);
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                long images = (long) train.size() * (epochs - first);
                out.printf(Locale.ROOT, "trained %d epochs in %.1f s (%.0f images/s)%n", epochs - first, seconds, images / seconds);
                run.metric("images_per_second", images / seconds);
                Training.Timing timing = training.timing();
                out.printf(Locale.ROOT, "per mini-batch: %.3f ms forward and backward, %.3f ms optimizer (schedules and update)%n",
                        timing.batchNanos() / 1e6 / timing.batches(), timing.optimizerNanos() / 1e6 / timing.batches());
                GradientReport.summary(out, optimizer);
                double accuracy = training.accuracy(test);
                out.printf(Locale.ROOT, "test accuracy %.4f (%d images)%n", accuracy, test.size());
                run.metric("test_accuracy", accuracy);
                if (!steps.isEmpty()) run.metric("loss", steps.getLast().loss());
                if (snapshots) {
                    if (kept.isEmpty() || !Snapshots.cycleEnd(lr, total - 1)) kept.add(training.snapshot());
                    reportEnsemble(out, training, kept, heldOut, test);
                }
                if (trace != null) {
                    out.printf(Locale.ROOT, "trace: %s (%d steps)%n", trace, csv.rows());
                    run.artifact(trace, "trace");
                }
                if (decisions != null && controls.decisions != null) {
                    out.printf(Locale.ROOT, "decisions: %s (%d)%n", controls.decisions, decisions.rows());
                    run.artifact(controls.decisions, "decisions");
                }
            } catch (Diverged e) {
                run.fail("diverged: " + e.getMessage());
                throw e;
            } finally {
                progress.endLine();
            }
            if (!steps.isEmpty() && figure != null) {
                drawFigure(steps);
                out.printf("figure: %s%n", figure);
                run.artifact(figure, "figure");
            }
            run.finish();
        }
        out.flush();
        return Main.OK;
    }

    /** Prints a controller's decision and adds it to the decisions CSV. */
    private static void logDecision(PrintWriter out, Trace csv, String controller, Decision d) {
        out.printf(Locale.ROOT, "%s: %s%n", controller, d);
        csv.write("step,controller,old_lr,new_lr,reason",
                d.step() + "," + controller + "," + d.oldRate() + "," + d.newRate() + ",\"" + d.reason().replace("\"", "\"\"") + "\"");
    }

    private void reportEnsemble(PrintWriter out, Training training, List<byte[]> kept, Images heldOut, Images test) {
        List<float[]> onTest = new ArrayList<>(), onHeldOut = new ArrayList<>();
        for (byte[] snapshot : kept) {
            training.restore(snapshot);
            onTest.add(training.probabilities(test));
            onHeldOut.add(training.probabilities(heldOut));
        }
        List<Integer> chosen = Snapshots.select(onHeldOut, heldOut);
        double last = test.accuracy(Training.predictions(onTest.getLast()));
        double all = test.accuracy(Training.predictions(Snapshots.average(onTest)));
        double subset = test.accuracy(Training.predictions(Snapshots.average(Snapshots.members(chosen, onTest))));
        out.printf(Locale.ROOT, "snapshots: %d (cycle ends and the last step)%n", kept.size());
        out.printf(Locale.ROOT, "  last model             test accuracy %.4f%n", last);
        out.printf(Locale.ROOT, "  ensemble of all %-6d test accuracy %.4f%n", kept.size(), all);
        out.printf(Locale.ROOT, "  selected %-13s test accuracy %.4f (chosen by disagreement on %d held-out images)%n",
                chosen.stream().map(i -> "#" + (i + 1)).toList().toString().replace(" ", ""), subset, heldOut.size());
    }

    private void drawFigure(List<Step> steps) {
        double[] x = new double[steps.size()], lr = new double[steps.size()], loss = new double[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            x[i] = steps.get(i).step();
            lr[i] = steps.get(i).lr();
            loss[i] = steps.get(i).loss();
        }
        TrainingChart chart = new TrainingChart("anneal train fashion-mnist --model " + options.model().key() + " --optimizer " + options.optimizer, "step", false)
                .add("lr", x, lr, 0).axisTitle(0, "lr")
                .add("training loss", x, loss, 1).axisTitle(1, "training loss");
        List<String> others = CoScheduled.columns(steps);
        for (String column : others) chart.add(column, x, CoScheduled.values(steps, column), 2);
        if (!others.isEmpty()) chart.axisTitle(2, "co-scheduled values");
        if (!(options.gradients().lossScaling() instanceof LossScaling.Off)) { // --fp16, or --loss-scale
            double[] scale = steps.stream().mapToDouble(s -> s.verdict().scale()).toArray();
            chart.add("loss scale", x, scale, 3).axisTitle(3, "loss scale");
        }
        chart.write(figure);
    }
}
