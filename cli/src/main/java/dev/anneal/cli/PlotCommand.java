package dev.anneal.cli;

import dev.anneal.schedule.Schedule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

/** {@code anneal plot SPEC… --steps N -o FILE}: one labelled line per spec, then a table of sampled values. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Draw schedules on one chart (PNG or SVG) and print their values at evenly spaced steps.")
final class PlotCommand implements Callable<Integer> {

    /** A chart is drawn in memory, 4 bytes a pixel: 8000×8000 is 256 MB. */
    static final int MAX_WIDTH = 8000, MAX_HEIGHT = 8000;

    @Parameters(arity = "1..*", paramLabel = "SPEC", description = "One or more schedule specs.")
    List<String> specs;

    @Option(names = "--steps", required = true, paramLabel = "N", description = "Plot steps 0 … N−1; also the total for percentages unless --total is given.")
    long steps;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "schedule.png",
            description = "Output file, .png or .svg (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--log", description = "Logarithmic value axis (non-positive values are left out).")
    boolean log;

    @Option(names = "--title", description = "Chart title.")
    String title;

    @Option(names = "--ylabel", defaultValue = "value", description = "Label of the value axis (default: ${DEFAULT-VALUE}).")
    String yLabel;

    @Option(names = "--width", defaultValue = "1000", description = "Width in pixels (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "600", description = "Height in pixels (default: ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--rows", defaultValue = "11", description = "Rows of the printed value table; 0 for none (default: ${DEFAULT-VALUE}).")
    int rows;

    @Mixin
    SpecOptions specOptions;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        if (steps <= 0) throw new IllegalArgumentException("--steps (" + steps + ") must be > 0");
        if (width < 200 || height < 150 || width > MAX_WIDTH || height > MAX_HEIGHT) {
            throw new IllegalArgumentException("--width x --height (" + width + "x" + height + ") must be from 200x150 to " + MAX_WIDTH + "x" + MAX_HEIGHT);
        }
        if (rows < 0) throw new IllegalArgumentException("--rows (" + rows + ") must be >= 0");
        Chart.Format format = Chart.Format.of(output);
        List<Chart.Series> series = new ArrayList<>();
        for (String text : specs) {
            Schedule schedule = specOptions.parse(text, OptionalLong.of(steps));
            series.add(new Chart.Series(text, schedule));
        }
        Chart chart = new Chart(title, "step", yLabel, width, height, log);
        OutputFiles.write("-o", output, file -> chart.write(series, steps, file, format));
        PrintWriter out = command.commandLine().getOut();
        out.printf(Locale.ROOT, "wrote %s (%d series, steps 0 to %d)%n", output, series.size(), steps - 1);
        if (rows > 0) printTable(out, series);
        out.flush();
        return Main.OK;
    }

    /** Values at evenly spaced steps, first and last included. */
    private void printTable(PrintWriter out, List<Chart.Series> series) {
        StringBuilder header = new StringBuilder("step");
        for (int i = 0; i < series.size(); i++) header.append('\t').append(series.size() == 1 ? "value" : "spec" + (i + 1));
        out.println(header);
        int n = (int) Math.min(rows, steps);
        long previous = -1;
        for (int r = 0; r < n; r++) {
            long step = n == 1 ? 0 : Math.round((double) r * (steps - 1) / (n - 1));
            if (step == previous) continue;
            previous = step;
            StringBuilder line = new StringBuilder(Long.toString(step));
            for (Chart.Series s : series) line.append('\t').append(s.schedule().at(step));
            out.println(line);
        }
        if (series.size() > 1) {
            for (int i = 0; i < series.size(); i++) out.println("spec" + (i + 1) + " = " + series.get(i).label());
        }
    }
}
