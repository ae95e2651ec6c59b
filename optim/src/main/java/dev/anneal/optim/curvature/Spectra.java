package dev.anneal.optim.curvature;

import dev.anneal.schedule.Checks;

import java.util.Random;

/** Symmetric matrices with a chosen spectrum, for tests, benchmarks and the lab's quadratics. */
public final class Spectra {
    private Spectra() {}

    /** Q·diag(eigenvalues)·Qᵀ with Q from {@link #randomOrthogonal}: the spectrum is known exactly, the basis is not aligned. */
    public static double[][] conjugated(double[] eigenvalues, long seed) {
        int n = eigenvalues.length;
        double[][] q = randomOrthogonal(n, seed), h = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) s += q[i][k] * eigenvalues[k] * q[j][k];
                h[i][j] = s;
                h[j][i] = s;
            }
        }
        return h;
    }

    /**
     * A Haar-random orthogonal n×n matrix: Gram–Schmidt (twice) on a seeded Gaussian matrix's columns. The seed is
     * mixed first: with the raw seed, Q's first column would be the start vector of a solver run with the same seed.
     */
    public static double[][] randomOrthogonal(int n, long seed) {
        Checks.positive("n", n);
        Random rng = new Random(seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L);
        double[][] cols = new double[n][];
        for (int j = 0; j < n; j++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) v[i] = rng.nextGaussian();
            for (int pass = 0; pass < 2; pass++) {
                for (int k = 0; k < j; k++) Vectors.axpy(-Vectors.dot(cols[k], v), cols[k], v);
            }
            cols[j] = Vectors.scaled(1 / Vectors.norm(v), v);
        }
        double[][] q = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) q[i][j] = cols[j][i];
        return q;
    }
}
