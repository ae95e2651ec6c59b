package dev.anneal.lab.studies;

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

    /** Steps 0, every, 2·every, … matching a curve recorded every {@code every} updates. */
    static double[] grid(int points, int every) {
        double[] x = new double[points];
        for (int i = 0; i < points; i++) x[i] = (double) i * every;
        return x;
    }

    /** log10 of a positive value, with divergence (∞ or above the cap) read as the cap. */
    static double log10Capped(double v, double cap) {
        return Math.log10(Double.isFinite(v) ? Math.min(v, cap) : cap);
    }
}
