package dev.anneal.analysis;

/** Compensated summation (Neumaier's variant of Kahan's): the error stays O(ε) instead of growing with the count. */
final class Neumaier {
    private double sum, compensation;

    void add(double x) {
        double t = sum + x;
        compensation += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
        sum = t;
    }

    double value() {
        return sum + compensation;
    }
}
