package dev.anneal.sweep;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * A sweep's figures (PNG): the metric of every full-length trial against each swept parameter (categorical values
 * at their index), and for PBT each member's hyperparameter path over the steps.
 */
public final class SweepChart {
    private SweepChart() {}

    /** Writes the figures into {@code dir}; returns their paths. */
    public static List<Path> write(Sweep.Result result, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        for (Map.Entry<String, Domain> e : result.spec().space().entrySet()) {
            Path file = dir.resolve("metric-vs-" + e.getKey().replaceAll("[^A-Za-z0-9_.-]", "_") + ".png");
            metricAgainst(result, e.getKey(), e.getValue(), file);
            out.add(file);
        }
        if (result.pbt().isPresent()) {
            for (String key : result.spec().space().keySet()) {
                Path file = dir.resolve("pbt-path-" + key.replaceAll("[^A-Za-z0-9_.-]", "_") + ".png");
                paths(result.pbt().get(), key, result.spec().space().get(key).logScale(), file);
                out.add(file);
            }
        }
        return out;
    }

    /** One series per budget (ASHA's rungs; one series for the other strategies), each trial at its longest run. */
    private static void metricAgainst(Sweep.Result result, String key, Domain domain, Path file) throws IOException {
        List<String> categories = domain instanceof Domain.Listed l && !numeric(l.values()) ? l.values() : null;
        Map<SortedMap<String, String>, Long> longest = new HashMap<>();
        for (Sweep.Trial t : result.trials()) longest.merge(t.job().params(), t.job().budget(), Math::max);
        Map<Long, List<double[]>> byBudget = new TreeMap<>(Comparator.reverseOrder());
        for (Sweep.Trial t : result.trials()) {
            boolean last = result.pbt().isPresent() ? t.job().budget() == result.spec().steps()
                    : t.job().budget() == longest.get(t.job().params());
            if (!last || !Double.isFinite(t.metric()) || t.metric() <= 0) continue;
            String v = t.job().params().get(key);
            byBudget.computeIfAbsent(t.job().budget(), b -> new ArrayList<>())
                    .add(new double[] {categories != null ? categories.indexOf(v) : Double.parseDouble(v), t.metric()});
        }
        String title = result.spec().name() + ": final loss against " + key
                + (categories == null ? "" : " (0.." + (categories.size() - 1) + " = " + String.join(", ", categories) + ")");
        XYChart chart = chart(title, key, "final loss");
        chart.getStyler().setXAxisLogarithmic(domain.logScale());
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        if (byBudget.isEmpty()) chart.addSeries("(no finite results)", new double[] {1}, new double[] {1});
        byBudget.forEach((budget, points) -> chart.addSeries(budget == result.spec().steps() ? budget + " steps (all)" : "stopped at " + budget + " steps",
                points.stream().mapToDouble(p -> p[0]).toArray(), points.stream().mapToDouble(p -> p[1]).toArray())
                .setMarker(SeriesMarkers.CIRCLE));
        save(chart, file);
    }

    private static void paths(Sweep.Pbt pbt, String key, boolean log, Path file) throws IOException {
        XYChart chart = chart("PBT: " + key + " of each member over the steps", "step", key);
        chart.getStyler().setYAxisLogarithmic(log);
        int i = 0;
        for (List<SortedMap<String, String>> h : pbt.histories()) {
            double[] xs = new double[2 * h.size()], ys = new double[2 * h.size()];
            for (int g = 0; g < h.size(); g++) {
                double v = Double.parseDouble(h.get(g).get(key));
                xs[2 * g] = g * pbt.interval();
                xs[2 * g + 1] = (g + 1) * pbt.interval();
                ys[2 * g] = ys[2 * g + 1] = v;
            }
            XYSeries s = chart.addSeries("member " + i++, xs, ys);
            s.setMarker(SeriesMarkers.NONE);
        }
        save(chart, file);
    }

    private static XYChart chart(String title, String x, String y) {
        XYChart chart = new XYChartBuilder().width(820).height(440).title(title).xAxisTitle(x).yAxisTitle(y).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        return chart;
    }

    private static void save(XYChart chart, Path file) throws IOException {
        BitmapEncoder.saveBitmap(chart, file.toString().replaceFirst("\\.png$", ""), BitmapEncoder.BitmapFormat.PNG);
    }

    private static boolean numeric(List<String> values) {
        for (String v : values) {
            try {
                Double.parseDouble(v);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }
}
