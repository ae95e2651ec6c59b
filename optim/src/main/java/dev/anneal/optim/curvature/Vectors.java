package dev.anneal.optim.curvature;

import dev.anneal.schedule.Checks;

import dev.anneal.control.Curvature;

import java.util.Random;

/** The few vector operations the eigen-solvers need. */
final class Vectors {
    private Vectors() {}

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** y ← y + a·x */
    static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) y[i] += a * x[i];
    }

    static double[] scaled(double a, double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) out[i] = a * x[i];
        return out;
    }

    /** A uniformly distributed unit vector (normalised Gaussian). */
    static double[] randomUnit(int n, Random rng) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = rng.nextGaussian();
        return scaled(1 / norm(v), v);
    }

    /**
     * The product, checked, never propagated: a wrong length is the product's bug (an internal error); a NaN/∞ entry
     * is a numerical fault of the model at these parameters (a diverged run), reported as bad input.
     */
    static double[] product(Curvature hvp, double[] v) {
        double[] hv = hvp.apply(v);
        if (hv == null || hv.length != v.length) {
            throw new IllegalStateException("Hessian-vector product returned " + (hv == null ? "null" : hv.length + " entries")
                    + ": it must return " + v.length);
        }
        for (int i = 0; i < hv.length; i++) {
            if (!Double.isFinite(hv[i])) throw Checks.fail("Hessian-vector product entry " + i, hv[i], "must be finite");
        }
        return hv;
    }
}
