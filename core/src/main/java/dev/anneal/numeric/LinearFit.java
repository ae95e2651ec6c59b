package dev.anneal.numeric;

import dev.anneal.schedule.Checks;

/**
 * Least squares {@code y ≈ intercept + slope·x} with the classical standard errors: residual variance
 * s² = RSS/(n − 2), se(slope) = s/√Sxx, se(intercept) = s·√(1/W + x̄²/Sxx), where sums, means and W = Σw are
 * weighted (all weights 1 for ordinary least squares). Intervals use Student's t quantile with n − 2 degrees of
 * freedom, so they are exact for independent Gaussian errors with variance proportional to 1/w.
 */
public record LinearFit(double slope, double intercept, double slopeError, double interceptError, double residualSd,
                        int points) {

    /** Ordinary least squares through {@code (x[i], y[i])}; needs at least 3 points and two distinct x. */
    public static LinearFit of(double[] x, double[] y) {
        double[] ones = new double[x.length];
        java.util.Arrays.fill(ones, 1);
        return weighted(x, y, ones);
    }

    /** Weighted least squares, weight {@code w[i] > 0} ∝ 1/variance of {@code y[i]}. */
    public static LinearFit weighted(double[] x, double[] y, double[] w) {
        Checks.argument(x.length == y.length && x.length == w.length, "x, y and w must have the same length ("
                + x.length + ", " + y.length + " and " + w.length + ")");
        Checks.atLeast("points", x.length, 3);
        double mx = 0, my = 0, sw = 0;
        for (int i = 0; i < x.length; i++) {
            Checks.finite("x[" + i + "]", x[i]);
            Checks.finite("y[" + i + "]", y[i]);
            Checks.positive("w[" + i + "]", w[i]);
            mx += w[i] * x[i];
            my += w[i] * y[i];
            sw += w[i];
        }
        int n = x.length;
        mx /= sw;
        my /= sw;
        double sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += w[i] * (x[i] - mx) * (x[i] - mx);
            sxy += w[i] * (x[i] - mx) * (y[i] - my);
        }
        if (!(sxx > 0)) throw Checks.fail("x", x[0], "must not be the same at every point");
        double slope = sxy / sxx, intercept = my - slope * mx, rss = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - intercept - slope * x[i];
            rss += w[i] * r * r;
        }
        double s = Math.sqrt(rss / (n - 2));
        return new LinearFit(slope, intercept, s / Math.sqrt(sxx), s * Math.sqrt(1 / sw + mx * mx / sxx), s, n);
    }

    public int degreesOfFreedom() {
        return points - 2;
    }

    /** The slope with its two-sided t interval at {@code level}. */
    public Interval slopeInterval(double level) {
        return interval(slope, slopeError, level);
    }

    /** The intercept with its two-sided t interval at {@code level}. */
    public Interval interceptInterval(double level) {
        return interval(intercept, interceptError, level);
    }

    private Interval interval(double estimate, double error, double level) {
        if (!(level > 0 && level < 1)) throw Checks.fail("level", level, "must be in (0, 1)");
        double half = StudentT.quantile((1 + level) / 2, degreesOfFreedom()) * error;
        return new Interval(estimate, estimate - half, estimate + half, level);
    }
}
