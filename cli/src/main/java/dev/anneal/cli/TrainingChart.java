package dev.anneal.cli;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Two curves over a shared x axis on one PNG: a hyperparameter on the left axis and a loss on the right. */
final class TrainingChart {
    private TrainingChart() {}

    static void write(Path file, String title, String xLabel, boolean logX,
                      String leftLabel, double[] x, double[] left, String rightLabel, double[] right) {
        if (!file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
            throw new IllegalArgumentException("--figure (" + file + ") must end in .png");
        }
        XYChart chart = new XYChartBuilder().width(1000).height(560).title(title).xAxisTitle(xLabel).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setXAxisDecimalPattern(logX ? "0.0E0" : "#");
        chart.setYAxisGroupTitle(0, leftLabel);
        chart.setYAxisGroupTitle(1, rightLabel);
        XYSeries a = chart.addSeries(leftLabel, x, left);
        a.setMarker(SeriesMarkers.NONE);
        a.setYAxisGroup(0);
        XYSeries b = chart.addSeries(rightLabel, x, right);
        b.setMarker(SeriesMarkers.NONE);
        b.setYAxisGroup(1);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            BitmapEncoder.saveBitmap(chart, file.toString().replaceFirst("(?i)\\.png$", ""), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write figure " + file + ": " + e.getMessage(), e);
        }
    }
}
