package dev.anneal.numeric;

import dev.anneal.schedule.InvalidInputException;

import dev.anneal.schedule.Checks;

import java.util.Arrays;

/**
 * Exponential peeling (curve stripping) of {@code y(t) = floor + A·e^(−a·t) + B·e^(−b·t)}, a &lt; b: fit the slow
 * component on the late points ({@code t ≥ slowFrom}), where the fast one has died out; subtract it from the early
 * points ({@code t < fastUntil}); fit the fast component on what remains. The fast component's sign is the sign of
 * the residual at the first point (negative for a rise-then-decay curve such as e^(−a·t) − e^(−b·t)); early points
 * whose residual has the other sign are lost in the noise and left out.
 *
 * <p>Intervals: each rate gets the t interval of its own log-linear fit ({@link LinearFit}): ordinary least squares
 * for the slow component; for the fast one, weighted least squares with weights (r/s)², s = |slow| + |r|, the
 * delta-method inverse variance of ln|r| when the noise is proportional to the curve. The fast interval does not
 * include the uncertainty of the subtracted slow component, so it is slightly too narrow when the slow fit is
 * poor; choose {@code slowFrom} late enough that the fast component is below the noise there.
 */
public record Peeling(ExponentialFit slow, ExponentialFit fast) {

    public static Peeling peel(double[] t, double[] y, double floor, double fastUntil, double slowFrom, double level) {
        Checks.argument(t.length == y.length, "t and y must have the same length (" + t.length + " and " + y.length + ")");
        for (int i = 0; i < t.length; i++) {
            Checks.finite("t[" + i + "]", t[i]);
            Checks.finite("y[" + i + "]", y[i]);
            if (i > 0 && !(t[i] > t[i - 1])) throw Checks.fail("t[" + i + "]", t[i], "must be > t[" + (i - 1) + "] (" + t[i - 1] + ")");
        }
        Checks.finite("fastUntil", fastUntil);
        Checks.finite("slowFrom", slowFrom);
        Checks.argument(fastUntil <= slowFrom, "fastUntil (" + fastUntil + ") must be <= slowFrom (" + slowFrom + ")");

        int late = firstAtOrAfter(t, slowFrom);
        if (t.length - late < 3) {
            throw InvalidInputException.of("slow window (t >= " + slowFrom + ") has " + (t.length - late)
                    + " points: it must hold at least 3");
        }
        ExponentialFit slow = ExponentialFit.of(t, y, floor, late, t.length, level);

        int early = firstAtOrAfter(t, fastUntil);
        double[] residual = new double[early];
        for (int i = 0; i < early; i++) residual[i] = y[i] - floor - slow.at(t[i]);
        int sign = early > 0 && residual[0] < 0 ? -1 : 1;
        double[] ft = new double[early], fr = new double[early], fw = new double[early];
        int kept = 0;
        for (int i = 0; i < early; i++) {
            if (sign * residual[i] > 0) {
                ft[kept] = t[i];
                fr[kept] = residual[i];
                // Noise proportional to the curve's size s ≈ |slow| + |fast| gives Var ln|r| ≈ σ²(s/r)²: weight (r/s)².
                double size = Math.abs(slow.at(t[i])) + Math.abs(residual[i]);
                fw[kept++] = residual[i] * residual[i] / (size * size);
            }
        }
        if (kept < 3) {
            throw InvalidInputException.of("fast window (t < " + fastUntil + ") has " + kept + " points where the "
                    + "residual after removing the slow component keeps its sign: it must hold at least 3");
        }
        return new Peeling(slow, ExponentialFit.signed(Arrays.copyOf(ft, kept), Arrays.copyOf(fr, kept), sign,
                Arrays.copyOf(fw, kept), level));
    }

    /** The fitted curve at t: floor + slow + fast. */
    public double at(double t, double floor) {
        return floor + slow.at(t) + fast.at(t);
    }

    private static int firstAtOrAfter(double[] t, double from) {
        int i = 0;
        while (i < t.length && t[i] < from) i++;
        return i;
    }
}
