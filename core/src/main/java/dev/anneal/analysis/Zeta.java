package dev.anneal.analysis;

import dev.anneal.schedule.InvalidInputException;

/**
 * The Hurwitz zeta function ζ(s, a) = Σ_{n≥0} (n + a)^(−s) for s &gt; 1, a &gt; 0, by Euler–Maclaurin summation:
 * direct terms until n + a ≥ 20, then the integral, the half term and eight Bernoulli corrections. ζ(s, 1) is
 * Riemann's ζ(s). Tails of power laws are zeta values: Σ_{t≥N} (t + 1)^(−p) = ζ(p, N + 1).
 */
final class Zeta {
    private Zeta() {}

    private static final double START = 20;
    /** B_{2j}/(2j)! for j = 1..8. */
    private static final double[] BERNOULLI = {
            1.0 / 6 / 2, -1.0 / 30 / 24, 1.0 / 42 / 720, -1.0 / 30 / 40320, 5.0 / 66 / 3628800,
            -691.0 / 2730 / 479001600, 7.0 / 6 / 87178291200.0, -3617.0 / 510 / 20922789888000.0};

    static double hurwitz(double s, double a) {
        if (!(s > 1) || !(a > 0)) throw InvalidInputException.of("zeta(" + s + ", " + a + ") needs s > 1 and a > 0");
        Neumaier sum = new Neumaier();
        double x = a;
        for (; x < START; x++) sum.add(Math.pow(x, -s));
        sum.add(Math.pow(x, 1 - s) / (s - 1));
        sum.add(Math.pow(x, -s) / 2);
        double rising = s, power = Math.pow(x, -s - 1); // s(s+1)…(s+2j−2) · x^(−s−2j+1)
        for (int j = 0; j < BERNOULLI.length; j++) {
            sum.add(BERNOULLI[j] * rising * power);
            rising *= (s + 2 * j + 1) * (s + 2 * j + 2);
            power /= x * x;
        }
        return sum.value();
    }

    static double riemann(double s) {
        return hurwitz(s, 1);
    }
}
