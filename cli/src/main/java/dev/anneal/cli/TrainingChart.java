package dev.anneal.cli;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Curves of a training run over a shared x axis, on a left value axis (0) and optionally right ones (1, 2, 3), as PNG. */
final class TrainingChart {
    private final XYChart chart;

    TrainingChart(String title, String xLabel, boolean logX) {
        chart = new XYChartBuilder().width(1000).height(560).title(title).xAxisTitle(xLabel).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setXAxisDecimalPattern(logX ? "0.0E0" : "#");
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        chart.getStyler().setYAxisGroupPosition(2, Styler.YAxisPosition.Right);
        chart.getStyler().setYAxisGroupPosition(3, Styler.YAxisPosition.Right);
    }

    TrainingChart add(String label, double[] x, double[] y, int axis) {
        XYSeries s = chart.addSeries(label, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setYAxisGroup(axis);
        return this;
    }

    TrainingChart axisTitle(int axis, String title) {
        chart.setYAxisGroupTitle(axis, title);
        return this;
    }

    TrainingChart logY() {
        chart.getStyler().setYAxisLogarithmic(true);
        return this;
    }

    /** Clips the left axis, so a diverging tail does not flatten the rest. */
    TrainingChart yRange(double min, double max) {
        chart.getStyler().setYAxisMin(min);
        chart.getStyler().setYAxisMax(max);
        return this;
    }

    /** Fails unless a PNG can be written at {@code figure} (null: none asked for): called before the training it draws. */
    static void check(Path figure) {
        if (figure == null) return;
        OutputFiles.checkFile("--figure", figure);
        checkPng(figure);
    }

    private static void checkPng(Path figure) {
        if (!figure.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new IllegalArgumentException("--figure (" + figure + ") must end in .png");
        }
    }

    /** Writes the PNG through {@link OutputFiles#write} (which checks the path), as plot writes its -o: whole or not at all. */
    void write(Path file) {
        checkPng(file);
        OutputFiles.write("--figure", file, f -> {
            try (var png = Files.newOutputStream(f)) {
                BitmapEncoder.saveBitmap(chart, png, BitmapEncoder.BitmapFormat.PNG);
            }
        });
    }
}
