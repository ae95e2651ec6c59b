package dev.anneal.numeric;

import dev.anneal.schedule.Checks;

import java.util.Arrays;

/**
 * {@code y(t) − floor ≈ amplitude·e^(−rate·t)}, fitted by least squares on {@code ln(y − floor)} against t (see
 * {@link LinearFit}): the rate is minus the slope, with the slope's t interval. On a loss curve, {@code floor} is the
 * loss the curve decays to (0, or a known minimum) and the fit over the late steps gives the slowest time scale.
 * The interval assumes the noise is multiplicative (additive in the log); on data with additive noise it is
 * trustworthy only while y − floor stays well above the noise.
 */
public record ExponentialFit(double amplitude, Interval rate, LinearFit line) {

    /** Fits all points; every {@code y[i] − floor} must be > 0. */
    public static ExponentialFit of(double[] t, double[] y, double floor, double level) {
        Checks.argument(t.length == y.length, "t and y must have the same length (" + t.length + " and " + y.length + ")");
        return of(t, y, floor, 0, t.length, level);
    }

    /** Fits the points {@code from … to − 1}; messages name the index in the full arrays. */
    static ExponentialFit of(double[] t, double[] y, double floor, int from, int to, double level) {
        Checks.finite("floor", floor);
        double[] excess = new double[to - from], ones = new double[to - from];
        for (int i = from; i < to; i++) {
            excess[i - from] = y[i] - floor;
            if (!(excess[i - from] > 0)) {
                throw Checks.fail("y[" + i + "] − floor", excess[i - from], "must be > 0 (the log of the excess is fitted)");
            }
        }
        Arrays.fill(ones, 1);
        return signed(Arrays.copyOfRange(t, from, to), excess, 1, ones, level);
    }

    /** Fits {@code sign·values[i] > 0} with weights {@code w} on the logs; the amplitude carries the sign. */
    static ExponentialFit signed(double[] t, double[] values, int sign, double[] w, double level) {
        double[] logs = new double[values.length];
        for (int i = 0; i < values.length; i++) logs[i] = Math.log(sign * values[i]);
        LinearFit line = LinearFit.weighted(t, logs, w);
        Interval slope = line.slopeInterval(level);
        return new ExponentialFit(sign * Math.exp(line.intercept()),
                new Interval(-slope.estimate(), -slope.high(), -slope.low(), level), line);
    }

    /** The fitted component at t (without the floor). */
    public double at(double t) {
        return amplitude * Math.exp(-rate.estimate() * t);
    }

    /** Time for the component to shrink by e (1/rate). */
    public double timeConstant() {
        return 1 / rate.estimate();
    }
}
