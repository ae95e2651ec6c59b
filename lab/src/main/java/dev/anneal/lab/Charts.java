package dev.anneal.lab;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** A study's figure as a PNG, drawn with XChart. */
final class Charts {
    private Charts() {}

    static void png(Figure figure, Map<String, Curve> curves, Path file) throws IOException {
        // the legend sits below the plot: give it room so the plot keeps its height
        XYChart chart = new XYChartBuilder().width(820).height(400 + 20 * curves.size())
                .title(figure.title()).xAxisTitle(figure.xLabel()).yAxisTitle(figure.yLabel()).build();
        var styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setXAxisLogarithmic(figure.logX());
        styler.setYAxisLogarithmic(figure.logY());
        styler.setXAxisTickMarkSpacingHint(90);
        int drawn = 0;
        for (var e : curves.entrySet()) {
            Curve c = drawable(e.getValue(), figure);
            if (c.x().length == 0) continue;
            XYSeries s = chart.addSeries(e.getKey(), c.x(), c.y());
            s.setMarker(c.x().length <= 30 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            drawn++;
        }
        if (drawn == 0) chart.addSeries("(nothing to draw)", new double[] {1}, new double[] {1});
        BitmapEncoder.saveBitmap(chart, file.toString().replaceFirst("\\.png$", ""), BitmapEncoder.BitmapFormat.PNG);
    }

    /** Drops the points a logarithmic axis cannot show, and non-finite ones. */
    private static Curve drawable(Curve c, Figure f) {
        double[] x = c.x(), y = c.y();
        int n = 0;
        double[] kx = new double[x.length], ky = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            boolean ok = Double.isFinite(x[i]) && Double.isFinite(y[i]) && (!f.logX() || x[i] > 0) && (!f.logY() || y[i] > 0);
            if (ok) {
                kx[n] = x[i];
                ky[n++] = y[i];
            }
        }
        return new Curve(java.util.Arrays.copyOf(kx, n), java.util.Arrays.copyOf(ky, n));
    }
}
