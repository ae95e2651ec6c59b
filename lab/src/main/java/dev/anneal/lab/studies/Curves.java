package dev.anneal.lab.studies;

import dev.anneal.lab.Budget;
import dev.anneal.lab.train.Descent;
import dev.anneal.spec.Spec;

import java.util.List;
import java.util.TreeSet;

/** Small summaries of recorded curves, shared by the studies. */
final class Curves {
    private Curves() {}

    /** The mean of the last {@code fraction} of the points (at least one). */
    static double tailMean(double[] curve, double fraction) {
        int n = Math.max(1, (int) Math.round(curve.length * fraction));
        double s = 0;
        for (int i = curve.length - n; i < curve.length; i++) s += curve[i];
        return s / n;
    }

    /** The median of {@code v} (the mean of the two middle values for an even count). */
    static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** The median curve of several runs of one length: at each point, the {@link #median} over the runs. */
    static double[] median(double[][] runs) {
        double[] m = new double[runs[0].length], column = new double[runs.length];
        for (int i = 0; i < m.length; i++) {
            for (int r = 0; r < runs.length; r++) column[r] = runs[r][i];
            m[i] = median(column);
        }
        return m;
    }

    /** Steps 0, every, 2·every, … matching a curve recorded every {@code every} updates. */
    static double[] grid(int points, int every) {
        double[] x = new double[points];
        for (int i = 0; i < points; i++) x[i] = (double) i * every;
        return x;
    }

    /**
     * Steps 0 and about {@code points} steps spaced evenly on a log scale from 1 to {@code last} (duplicates dropped): the
     * grid for a curve whose action is early, drawn on a logarithmic step axis.
     */
    static int[] logSteps(int last, int points) {
        TreeSet<Integer> steps = new TreeSet<>(List.of(0, last));
        for (int i = 0; i <= points; i++) steps.add((int) Math.round(Math.pow(last, i / (double) points)));
        return steps.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The spec of an exponential decay from {@code value} that reaches {@code value·factor} after {@code steps} steps. */
    static String exponentialTo(double value, double factor, int steps) {
        return "exponential(" + value + ", half_life=" + steps * Math.log(2) / -Math.log(factor) + ")";
    }

    /**
     * The spec of an exponential decay from {@code value} whose movement budget Σ_{t<steps} ηₜ is {@code budget}: the
     * same start as the arm it is compared with, the same budget, only the shape differs. The half-life is found by
     * bisection on the closed-form sum; the budget must lie strictly between {@code value} and {@code value·steps}.
     */
    static String exponentialWithBudget(double value, int steps, double budget) {
        if (!(budget > value && budget < value * steps))
            throw new IllegalArgumentException("budget (" + budget + ") must lie in (" + value + ", " + value * steps + ")");
        double lo = 1e-3, hi = 1e9 * steps;
        for (int i = 0; i < 200; i++) {
            double mid = Math.sqrt(lo * hi);
            if (exponentialSum(value, mid, steps) < budget) lo = mid;
            else hi = mid;
        }
        return "exponential(" + value + ", half_life=" + Math.sqrt(lo * hi) + ")";
    }

    /** {@link #exponentialWithBudget} with the budget of the schedule {@code spec} over {@code steps} steps. */
    static String exponentialWithBudgetOf(double value, String spec, int steps) {
        return exponentialWithBudget(value, steps, Budget.sum(Spec.parse(spec, steps), steps));
    }

    private static double exponentialSum(double value, double halfLife, int steps) {
        double q = Math.pow(2, -1 / halfLife);
        return value * (1 - Math.pow(q, steps)) / (1 - q);
    }

    /** n copies of v. */
    static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    /** n copies of v, as floats (a parameter vector). */
    static float[] floats(int n, double v) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, (float) v);
        return a;
    }

    /** A loss for a table: divergence (NaN, ∞ or above the cap) reads as {@link Descent#DIVERGED}. */
    static double capped(double v) {
        return v <= Descent.DIVERGED ? v : Descent.DIVERGED;
    }

    /** log10 of a positive value, with divergence (∞ or above the cap) read as the cap. */
    static double log10Capped(double v, double cap) {
        return Math.log10(Double.isFinite(v) ? Math.min(v, cap) : cap);
    }
}
