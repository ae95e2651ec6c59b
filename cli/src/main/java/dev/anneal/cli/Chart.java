package dev.anneal.cli;

import dev.anneal.schedule.Schedule;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;

import java.awt.Font;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/** Line charts of schedules, drawn with XChart. */
final class Chart {
    /** Most points drawn per series; longer spans are sampled at an even stride (the last step always included). */
    static final int MAX_POINTS = 4000;

    record Series(String label, Schedule schedule) {}

    enum Format {
        PNG, SVG;

        static Format of(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".png")) return PNG;
            if (name.endsWith(".svg")) return SVG;
            throw new IllegalArgumentException("-o (" + file + ") must end in .png or .svg");
        }
    }

    private final String title, xLabel, yLabel;
    private final int width, height;
    private final boolean log;

    Chart(String title, String xLabel, String yLabel, int width, int height, boolean log) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.width = width;
        this.height = height;
        this.log = log;
    }

    void write(List<Series> series, long steps, Path file, Format format) throws IOException {
        XYChart chart = new XYChartBuilder().width(width).height(height)
                .title(title == null ? "" : title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        XYStyler styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setChartBackgroundColor(java.awt.Color.WHITE);
        styler.setPlotGridLinesVisible(true);
        styler.setYAxisLogarithmic(log);
        styler.setXAxisMin(0.0);
        styler.setXAxisMax((double) steps);
        styler.setXAxisTickMarkSpacingHint(90);
        for (Series s : series) {
            double[][] xy = sample(s.schedule(), steps);
            if (xy[0].length == 0) throw new IllegalArgumentException("--log: " + s.label() + " has no positive value to draw");
            XYSeries line = chart.addSeries(legend(s.label()), xy[0], xy[1]);
            line.setMarker(SeriesMarkers.NONE);
        }
        switch (format) {
            case PNG -> {
                try (var png = Files.newOutputStream(file)) {
                    BitmapEncoder.saveBitmap(chart, png, BitmapEncoder.BitmapFormat.PNG);
                }
            }
            case SVG -> writeSvg(chart, series, file);
        }
    }

    /** As XChart's VectorGraphicsEncoder writes SVG, but with the title, axis titles and legend as real text. */
    private void writeSvg(XYChart chart, List<Series> series, Path file) throws IOException {
        Map<String, Font> texts = new LinkedHashMap<>();
        XYStyler styler = chart.getStyler();
        if (title != null) texts.put(title, styler.getChartTitleFont());
        texts.put(xLabel, styler.getAxisTitleFont());
        texts.put(yLabel, styler.getAxisTitleFont());
        for (Series s : series) texts.put(legend(s.label()), styler.getLegendFont());
        SvgTextGraphics graphics = new SvgTextGraphics(texts);
        chart.paint(graphics, width, height);
        ByteArrayOutputStream svg = new ByteArrayOutputStream();
        new SVGProcessor().getDocument(graphics.getCommands(), new PageSize(0, 0, width, height)).writeTo(svg);
        // The writer leaves out font-size for 12 px text, and a viewer would then use its own default (often 16 px).
        Files.writeString(file, svg.toString(StandardCharsets.UTF_8).replaceFirst("<svg ", "<svg style=\"font-size:12px\" "));
    }

    private double[][] sample(Schedule schedule, long steps) {
        long stride = Math.max(1, Math.ceilDiv(steps, MAX_POINTS));
        int n = (int) ((steps - 1) / stride) + 1;
        boolean lastIncluded = (steps - 1) % stride == 0;
        int capacity = n + (lastIncluded ? 0 : 1);
        double[] x = new double[capacity], y = new double[capacity];
        int count = 0;
        for (int i = 0; i < capacity; i++) {
            long step = i < n ? i * stride : steps - 1;
            double v = schedule.at(step);
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(schedule + " is " + v + " at step " + step + " (it overflows a double)");
            }
            if (log && v <= 0) continue;
            x[count] = step;
            y[count++] = v;
        }
        return new double[][] {java.util.Arrays.copyOf(x, count), java.util.Arrays.copyOf(y, count)};
    }

    /** Long specs are shortened in the legend; the table printed by the command gives them in full. */
    private static String legend(String label) {
        String oneLine = label.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 90 ? oneLine : oneLine.substring(0, 87) + "...";
    }
}
