package dev.anneal.optimizer;

/**
 * The two roots of r² − b·r + c = 0, as (re1, im1), (re2, im2): a complex pair when b² &lt; 4c. Gives the spectral
 * radius and the damping ratio ζ of the equivalent continuous oscillator.
 */
public record Roots(double re1, double im1, double re2, double im2) {

    public static Roots of(double b, double c) {
        double disc = b * b - 4 * c;
        if (disc < 0) {
            double im = Math.sqrt(-disc) / 2;
            return new Roots(b / 2, im, b / 2, -im);
        }
        // Cancellation-free: the larger root from b ± √disc with b's sign, the other from the product c.
        double big = (b + Math.copySign(Math.sqrt(disc), b)) / 2;
        double small = big == 0 ? 0 : c / big;
        return new Roots(big, 0, small, 0);
    }

    public boolean complex() {
        return im1 != 0;
    }

    /** max |r|: the iterate's contraction factor per step; stable iff &lt; 1. */
    public double spectralRadius() {
        return Math.max(Math.hypot(re1, im1), Math.hypot(re2, im2));
    }

    /**
     * ζ of the oscillator ẍ + 2ζω·ẋ + ω²·x = 0 whose unit-time samples obey the recurrence: its poles are
     * s = ln r, so ζ = −Re s/|s| for a complex pair and ζ = −(s₁+s₂)/(2√(s₁s₂)) for two real roots in (0, 1).
     * NaN when a root is ≤ 0 or ≥ 1 (no oscillator samples that way: the iterate flips sign or does not decay).
     */
    public double dampingRatio() {
        if (complex()) {
            double logRho = Math.log(Math.hypot(re1, im1)), theta = Math.atan2(Math.abs(im1), re1);
            return -logRho / Math.hypot(logRho, theta);
        }
        if (!(re1 > 0 && re1 < 1 && re2 > 0 && re2 < 1)) return Double.NaN;
        double s1 = Math.log(re1), s2 = Math.log(re2);
        return -(s1 + s2) / (2 * Math.sqrt(s1 * s2));
    }
}
