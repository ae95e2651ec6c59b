package dev.anneal.sweep;

import dev.anneal.store.RunStatus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/** The best configurations of a sweep: each configuration's metric as mean ± standard error over its seeds. */
public final class Summary {
    /** One configuration at one budget, over the seeds it ran. */
    public record Row(SortedMap<String, String> params, long steps, int seeds, double mean, double se) {}

    private Summary() {}

    /**
     * Configurations of finished trials at their longest budget, longest first, then best mean first (diverged and
     * failed last). For PBT, the last generation only: earlier ones are its members' pasts.
     */
    public static List<Row> rows(Sweep.Result result) {
        Map<String, List<Sweep.Trial>> groups = new LinkedHashMap<>();
        Map<SortedMap<String, String>, Long> longest = new LinkedHashMap<>();
        boolean pbt = result.pbt().isPresent();
        for (Sweep.Trial t : result.trials()) {
            if (t.status() != RunStatus.FINISHED || pbt && t.job().budget() != result.spec().steps()) continue;
            longest.merge(t.job().params(), t.job().budget(), Math::max);
        }
        for (Sweep.Trial t : result.trials()) {
            if (t.status() != RunStatus.FINISHED || !Long.valueOf(t.job().budget()).equals(longest.get(t.job().params()))) continue;
            // PBT's members share a seed: each is its own row, even where two ended on the same values
            String key = pbt ? t.job().id() : t.job().params() + "@" + t.job().budget();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
        }
        List<Row> rows = new ArrayList<>();
        for (List<Sweep.Trial> g : groups.values()) {
            double[] m = g.stream().mapToDouble(Sweep.Trial::metric).toArray();
            double mean = 0;
            for (double v : m) mean += v / m.length;
            double ss = 0;
            for (double v : m) ss += (v - mean) * (v - mean);
            double se = m.length < 2 ? Double.NaN : Math.sqrt(ss / (m.length - 1) / m.length);
            rows.add(new Row(g.getFirst().job().params(), g.getFirst().job().budget(), m.length, mean, se));
        }
        rows.sort(Comparator.comparingLong(Row::steps).reversed().thenComparingDouble(Row::mean));
        return rows;
    }

    /** The first {@code limit} rows as an aligned text table. */
    public static String table(Sweep.Result result, int limit) {
        List<Row> rows = rows(result);
        List<String> keys = new ArrayList<>(result.spec().space().keySet());
        List<List<String>> cells = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("rank"));
        head.addAll(keys);
        head.addAll(List.of("steps", "seeds", "loss (mean ± SE)"));
        cells.add(head);
        for (int i = 0; i < Math.min(limit, rows.size()); i++) {
            Row r = rows.get(i);
            List<String> line = new ArrayList<>(List.of(Integer.toString(i + 1)));
            keys.forEach(k -> line.add(r.params().getOrDefault(k, "")));
            line.add(Long.toString(r.steps()));
            line.add(Integer.toString(r.seeds()));
            line.add(Double.isNaN(r.se()) ? format(r.mean()) : format(r.mean()) + " ± " + format(r.se()));
            cells.add(line);
        }
        int[] width = new int[head.size()];
        for (List<String> line : cells) for (int c = 0; c < line.size(); c++) width[c] = Math.max(width[c], line.get(c).length());
        StringBuilder out = new StringBuilder();
        for (List<String> line : cells) {
            for (int c = 0; c < line.size(); c++) out.append(String.format(Locale.ROOT, "%-" + (width[c] + 2) + "s", line.get(c)));
            out.setLength(out.length() - 2);
            out.append('\n');
        }
        return out.toString();
    }

    static String format(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : Double.toString(v);
    }
}
