package dev.anneal.numeric;

import dev.anneal.schedule.InvalidInputException;

import dev.anneal.schedule.Checks;

/**
 * Richardson extrapolation. A result computed with step h behaves as A(h) = A + c·h^p + o(h^p); from A(h),
 * A(h/r), A(h/r²) the observed order is p = ln[(A(h) − A(h/r)) / (A(h/r) − A(h/r²))] / ln r and the
 * extrapolated value A ≈ A(h/r²) + (A(h/r²) − A(h/r)) / (r^p − 1). {@code error} estimates the error of the
 * finest result, |A − A(h/r²)|; the extrapolated value's own error is of higher order.
 *
 * <p>Example: central differences of sin at 1 with h = 0.1, 0.05, 0.025 give order 2.00 and cos(1) to about 1e-8.
 */
public record Richardson(double value, double order, double error) {

    /** Extrapolates results at h, h/2, h/4. */
    public static Richardson extrapolate(double coarse, double medium, double fine) {
        return extrapolate(coarse, medium, fine, 2);
    }

    /** Extrapolates results at h, h/ratio, h/ratio². */
    public static Richardson extrapolate(double coarse, double medium, double fine, double ratio) {
        Checks.finite("coarse", coarse);
        Checks.finite("medium", medium);
        Checks.finite("fine", fine);
        checkRatio(ratio);
        double first = coarse - medium, second = medium - fine;
        if (second == 0) return new Richardson(fine, Double.POSITIVE_INFINITY, 0); // converged to rounding
        double q = first / second;
        if (!(q > 1)) {
            throw InvalidInputException.of("results (" + coarse + ", " + medium + ", " + fine + ") are not in the "
                    + "asymptotic range: successive differences (" + first + ", " + second
                    + ") must have the same sign and shrink");
        }
        double order = Math.log(q) / Math.log(ratio);
        double value = fine + (fine - medium) / (Math.pow(ratio, order) - 1);
        return new Richardson(value, order, Math.abs(value - fine));
    }

    /** One elimination step with a known order: A ≈ A(h/r) + (A(h/r) − A(h)) / (r^p − 1). */
    public static double withOrder(double coarse, double fine, double ratio, double order) {
        Checks.finite("coarse", coarse);
        Checks.finite("fine", fine);
        checkRatio(ratio);
        Checks.positive("order", order);
        return fine + (fine - coarse) / (Math.pow(ratio, order) - 1);
    }

    private static void checkRatio(double ratio) {
        if (!(ratio > 1) || ratio == Double.POSITIVE_INFINITY) throw Checks.fail("ratio", ratio, "must be > 1 and finite");
    }
}
