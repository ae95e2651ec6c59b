package dev.anneal.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs that share a configuration value (the same setup over several seeds) drawn as one line, their mean, in a
 * band from their minimum to their maximum. Each run's curve is interpolated linearly onto a common grid of steps;
 * a grid step counts only the runs whose curve covers it.
 */
final class Groups {
    private Groups() {}

    /** A run's curve: its steps (increasing) and values (null: no value). */
    record Curve(long[] step, Double[] value) {}

    /** {step, mean, min, max, n} over {@code curves} on {@code points} evenly spaced steps of their joint span. */
    static Map<String, Object> band(List<Curve> curves, int points) {
        long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
        for (Curve c : curves) {
            if (c.step().length == 0) continue;
            lo = Math.min(lo, c.step()[0]);
            hi = Math.max(hi, c.step()[c.step().length - 1]);
        }
        long[] grid = lo > hi ? new long[0] : grid(lo, hi, points);
        Double[] mean = new Double[grid.length], min = new Double[grid.length], max = new Double[grid.length];
        int[] n = new int[grid.length];
        for (int g = 0; g < grid.length; g++) {
            double sum = 0, low = Double.POSITIVE_INFINITY, high = Double.NEGATIVE_INFINITY;
            for (Curve c : curves) {
                double v = at(c, grid[g]);
                if (Double.isNaN(v)) continue;
                sum += v;
                low = Math.min(low, v);
                high = Math.max(high, v);
                n[g]++;
            }
            if (n[g] > 0) {
                mean[g] = sum / n[g];
                min[g] = low;
                max[g] = high;
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step", grid);
        m.put("mean", mean);
        m.put("min", min);
        m.put("max", max);
        m.put("n", n);
        return m;
    }

    /** At most {@code points} whole steps from lo to hi, both included, evenly spaced. */
    static long[] grid(long lo, long hi, int points) {
        if (hi - lo + 1 <= points) {
            long[] all = new long[(int) (hi - lo + 1)];
            for (int i = 0; i < all.length; i++) all[i] = lo + i;
            return all;
        }
        List<Long> steps = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            long s = lo + Math.round((double) (hi - lo) * i / (points - 1));
            if (steps.isEmpty() || steps.getLast() != s) steps.add(s);
        }
        return steps.stream().mapToLong(Long::longValue).toArray();
    }

    /** The curve's value at {@code step} by linear interpolation; NaN outside its span or next to a gap. */
    static double at(Curve c, long step) {
        long[] s = c.step();
        int i = Arrays.binarySearch(s, step);
        if (i >= 0) return c.value()[i] == null ? Double.NaN : c.value()[i];
        int after = -i - 1;
        if (after == 0 || after == s.length) return Double.NaN;
        Double a = c.value()[after - 1], b = c.value()[after];
        if (a == null || b == null) return Double.NaN;
        double t = (double) (step - s[after - 1]) / (s[after] - s[after - 1]);
        return a + t * (b - a);
    }
}
