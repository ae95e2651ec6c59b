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

    /** Line colours; each curve's band is drawn in its colour, translucent. */
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
            new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

    /** The mean curves, each over a band from its lowest to its highest value over the seeds. */
    static void png(Figure figure, Map<String, Curve> curves, Map<String, Band> bands, Path file) throws IOException {
        // the legend sits below the plot: give it room so the plot keeps its height
        XYChart chart = new XYChartBuilder().width(820).height(400 + 20 * curves.size())
                .title(figure.title()).xAxisTitle(figure.xLabel()).yAxisTitle(figure.yLabel()).build();
        var styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setXAxisLogarithmic(figure.logX());
        styler.setYAxisLogarithmic(figure.logY());
        styler.setXAxisTickMarkSpacingHint(90);
        int drawn = 0, index = 0;
        for (var e : curves.entrySet()) {
            Color color = PALETTE[index++ % PALETTE.length];
            Band band = bands.get(e.getKey());
            if (band != null) band(chart, e.getKey(), band, figure, color);
            Curve c = drawable(e.getValue(), figure);
            if (c.x().length == 0) continue;
            XYSeries s = chart.addSeries(e.getKey(), c.x(), c.y());
            s.setMarker(c.x().length <= 30 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            s.setLineColor(color);
            s.setMarkerColor(color);
            drawn++;
        }
        if (drawn == 0) chart.addSeries("(nothing to draw)", new double[] {1}, new double[] {1});
        BitmapEncoder.saveBitmap(chart, file.toString().replaceFirst("\\.png$", ""), BitmapEncoder.BitmapFormat.PNG);
    }

    /** The band as a closed polygon: along the highest values, back along the lowest; only where both are drawable. */
    private static void band(XYChart chart, String label, Band band, Figure figure, Color color) {
        double[] x = band.low().x(), lo = band.low().y(), hi = band.high().y();
        int[] kept = java.util.stream.IntStream.range(0, x.length)
                .filter(i -> drawable(x[i], lo[i], figure) && drawable(x[i], hi[i], figure)).toArray();
        if (kept.length < 2) return;
        int m = kept.length;
        double[] px = new double[2 * m], py = new double[2 * m];
        for (int j = 0; j < m; j++) {
            px[j] = x[kept[j]];
            py[j] = hi[kept[j]];
            px[2 * m - 1 - j] = x[kept[j]];
            py[2 * m - 1 - j] = lo[kept[j]];
        }
        XYSeries s = chart.addSeries(label + " (spread over seeds)", px, py);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        s.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 50));
        s.setLineColor(new Color(0, 0, 0, 0));
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(false);
    }

    private static boolean drawable(double x, double y, Figure f) {
        return Double.isFinite(x) && Double.isFinite(y) && (!f.logX() || x > 0) && (!f.logY() || y > 0);
    }

    /** Drops the points a logarithmic axis cannot show, and non-finite ones. */
    private static Curve drawable(Curve c, Figure f) {
        double[] x = c.x(), y = c.y();
        int n = 0;
        double[] kx = new double[x.length], ky = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            if (drawable(x[i], y[i], f)) {
                kx[n] = x[i];
                ky[n++] = y[i];
            }
        }
        return new Curve(java.util.Arrays.copyOf(kx, n), java.util.Arrays.copyOf(ky, n));
    }
}
