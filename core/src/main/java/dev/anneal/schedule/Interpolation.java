package dev.anneal.schedule;

/** The one interpolation the decaying families share, exact at its ends. */
final class Interpolation {
    private Interpolation() {}

    /**
     * {@code from + (to − from)·w} for a weight w in [0, 1]: exactly {@code from} at w = 0 and {@code to} at w = 1,
     * and never outside [from, to]. Without the checks, rounding puts {@code from + (to − from)} an ulp past
     * {@code to} for some pairs (1e-6 and 3e-6), outside the family's range.
     */
    static double between(double from, double to, double w) {
        if (w <= 0) return from;
        if (w >= 1) return to;
        double span = to - from;
        // Ends such as ±1e308 overflow their difference: weigh each end instead.
        double v = Double.isFinite(span) ? from + span * w : from * (1 - w) + to * w;
        return from <= to ? Math.min(Math.max(v, from), to) : Math.min(Math.max(v, to), from);
    }
}
