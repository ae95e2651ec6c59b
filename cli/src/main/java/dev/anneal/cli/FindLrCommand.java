package dev.anneal.cli;

import dev.anneal.djl.AnnealOptimizer;
import dev.anneal.djl.RangeTest;
import dev.anneal.djl.ScheduleFile;
import dev.anneal.djl.Training;
import dev.anneal.optim.ScheduleSetException;
import dev.anneal.store.NewRun;
import dev.anneal.store.RunKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code anneal find-lr fashion-mnist}: the LR range test, with suggestions and a figure. */
@Command(name = "find-lr", mixinStandardHelpOptions = true,
        description = "LR range test on Fashion-MNIST: sweep the rate exponentially, smooth the loss, suggest a rate.")
final class FindLrCommand implements Callable<Integer> {

    @Mixin
    TrainingOptions options;

    @Option(names = "--min-lr", paramLabel = "X", defaultValue = "1e-7", description = "First rate (default: ${DEFAULT-VALUE}).")
    double minLr;

    @Option(names = "--max-lr", paramLabel = "X", defaultValue = "10", description = "Last rate (default: ${DEFAULT-VALUE}).")
    double maxLr;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "300", description = "Updates in the sweep (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--smoothing", paramLabel = "BETA", defaultValue = "0.98", description = "β of the loss's moving average (default: ${DEFAULT-VALUE}).")
    double smoothing;

    @Option(names = "--divergence", paramLabel = "K", defaultValue = "4", description = "Stop when the smoothed loss exceeds K × its best (default: ${DEFAULT-VALUE}).")
    double divergence;

    @Option(names = "--figure", paramLabel = "FILE", description = "PNG of loss against lr (default: DIR/find-lr.png with -o DIR, else none).")
    Path figure;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Write the figure into DIR (the run store has the sweep anyway).")
    Path output;

    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        RangeTest test = new RangeTest(minLr, maxLr, steps, smoothing, divergence);
        options.start();
        if (options.schedule != null) {
            throw new IllegalArgumentException("find-lr sweeps lr itself: drop --schedule (give the other hyperparameters in --schedules)");
        }
        ScheduleFile schedules;
        try {
            schedules = options.schedules(steps, test.sweep());
        } catch (ScheduleSetException e) {
            if (!e.path().endsWith("defaults.lr")) throw e;
            throw new IllegalArgumentException("find-lr sweeps lr itself: drop defaults.lr from --schedules (" + options.schedules
                    + "); a group's own lr may still refer to it, e.g. 0.1 * lr", e);
        }
        PrintWriter out = command.commandLine().getOut();
        figure = OutputFiles.chosen(figure, output, "find-lr.png");
        TrainingChart.check(figure); // before the sweep, not after it
        NewRun described = NewRun.of(RunKind.FIND_LR, options.model().key() + " " + options.optimizer + " lr " + minLr + ".." + maxLr)
                .withSeed(options.seed).withSchedule(String.join("\n", schedules.lines())).withConfig(options.config())
                .withConfig(Map.of("min-lr", Double.toString(minLr), "max-lr", Double.toString(maxLr), "steps", Integer.toString(steps),
                        "smoothing", Double.toString(smoothing), "divergence", Double.toString(divergence)));
        try (Training training = new Training(options.model(), options.optimizer(schedules), options.batch, options.seed);
             Recording run = store.start(described, out)) {
            AnnealOptimizer sweeping = options.optimizer(schedules);
            RangeTest.Result r = test.run(training, options.train(), sweeping);
            for (int i = 0; i < r.lrs().size(); i++) {
                run.value("lr", i, r.lrs().get(i));
                run.value("loss", i, r.losses().get(i));
                run.value("smoothed_loss", i, r.smoothed().get(i));
            }
            out.printf(Locale.ROOT, "%s, %s: %d steps from lr %.3g to %.3g, stopped because %s%n",
                    options.model().key(), options.optimizer, r.lrs().size(), r.lrs().getFirst(), r.lrs().getLast(), r.stopped());
            int best = r.smoothed().indexOf(r.smoothed().stream().min(Double::compare).orElseThrow());
            out.printf(Locale.ROOT, "minimum smoothed loss %.4f at lr %.3g%n", r.smoothed().get(best), r.lrs().get(best));
            out.printf(Locale.ROOT, "suggested lr (steepest descent) %.3g%n", r.steepest());
            out.printf(Locale.ROOT, "suggested lr (valley)           %.3g%n", r.valley());
            GradientReport.summary(out, sweeping);
            run.metric("steepest_lr", r.steepest());
            run.metric("valley_lr", r.valley());
            run.metric("min_smoothed_loss", r.smoothed().get(best));
            run.event(r.lrs().size() - 1, "stop", r.stopped());
            if (figure != null) {
                draw(r, best, figure);
                out.printf("figure: %s%n", figure);
                run.artifact(figure, "figure");
            }
            run.finish();
        }
        out.flush();
        return Main.OK;
    }

    /** Raw and smoothed loss against lr, with the two suggestions. */
    private void draw(RangeTest.Result r, int best, Path figure) {
        double[] lrs = array(r.lrs()), smoothed = array(r.smoothed());
        // the axis ends above the smoothed loss before its last (diverging) step
        double top = r.smoothed().subList(0, r.smoothed().size() - 1).stream().max(Double::compare).orElseThrow();
        double bottom = Math.min(r.smoothed().get(best), r.losses().stream().min(Double::compare).orElseThrow());
        new TrainingChart("LR range test: " + options.model().key() + ", " + options.optimizer, "lr (log)", true)
                .add("raw loss", lrs, array(r.losses()), 0)
                .add("smoothed loss", lrs, smoothed, 0)
                .add(String.format(Locale.ROOT, "steepest descent %.3g", r.steepest()), new double[] {r.steepest(), r.steepest()}, new double[] {0, top}, 0)
                .add(String.format(Locale.ROOT, "valley %.3g", r.valley()), new double[] {r.valley(), r.valley()}, new double[] {0, top}, 0)
                .axisTitle(0, "training loss")
                .yRange(Math.max(0, bottom - 0.1 * (top - bottom)), top + 0.1 * (top - bottom))
                .write(figure);
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
