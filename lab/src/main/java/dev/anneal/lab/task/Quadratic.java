package dev.anneal.lab.task;

import dev.anneal.schedule.Checks;

import java.util.random.RandomGenerator;

/**
 * {@code L(x) = ½·Σ λᵢ·xᵢ²}: a quadratic with a chosen spectrum (the Hessian is diag(λ)), minimum 0 at the
 * origin. Stochastic gradients add independent Gaussian noise of standard deviation {@code sigma} per coordinate.
 */
public record Quadratic(double[] curvatures) implements Curved {
    public Quadratic {
        if (curvatures.length == 0) throw new IllegalArgumentException("curvatures must not be empty");
        for (double c : curvatures) Checks.positive("curvature", c);
        curvatures = curvatures.clone();
    }

    /** {@code n} curvatures spaced evenly in log scale from {@code max} down to {@code min}. */
    public static Quadratic logSpaced(int n, double min, double max) {
        Checks.positive("n", n);
        Checks.positive("min", min);
        if (!(max >= min)) throw Checks.fail("max", max, "must be >= min (" + Checks.format(min) + ")");
        double[] c = new double[n];
        for (int i = 0; i < n; i++) c[i] = n == 1 ? max : max * Math.pow(min / max, i / (double) (n - 1));
        return new Quadratic(c);
    }

    @Override
    public int dimension() {
        return curvatures.length;
    }

    @Override
    public double[] curvatures() {
        return curvatures.clone();
    }

    public double curvature(int i) {
        return curvatures[i];
    }

    @Override
    public double loss(float[] x) {
        double s = 0;
        for (int i = 0; i < curvatures.length; i++) s += 0.5 * curvatures[i] * x[i] * x[i];
        return s;
    }

    /** The loss of coordinate {@code i} alone. */
    public double loss(float[] x, int i) {
        return 0.5 * curvatures[i] * x[i] * x[i];
    }

    @Override
    public void gradient(float[] x, float[] g) {
        for (int i = 0; i < curvatures.length; i++) g[i] = (float) (curvatures[i] * x[i]);
    }

    /** The gradient plus N(0, sigma²) noise in every coordinate. */
    public void noisyGradient(float[] x, float[] g, double sigma, RandomGenerator rng) {
        for (int i = 0; i < curvatures.length; i++) g[i] = (float) (curvatures[i] * x[i] + sigma * rng.nextGaussian());
    }

    @Override
    public void hvp(float[] x, float[] v, float[] out) {
        for (int i = 0; i < curvatures.length; i++) out[i] = (float) (curvatures[i] * v[i]);
    }

    @Override
    public double lambdaMax(float[] x) {
        return lambdaMax();
    }

    public double lambdaMax() {
        double m = 0;
        for (double c : curvatures) m = Math.max(m, c);
        return m;
    }
}
