package dev.anneal.lab.task;

import dev.anneal.schedule.Checks;

/**
 * A rugged (Rastrigin-like) landscape in any dimension: {@code Σ ½·bowl·xᵢ² + depth·(1 − cos(2π·xᵢ/width))}. The
 * global minimum 0 is at the origin; local minima sit near every multiple of {@code width}, each higher the
 * farther it is from the origin. The Hessian is diagonal: {@code bowl + depth·(2π/width)²·cos(2π·xᵢ/width)}.
 */
public record Rugged(int dimension, double bowl, double depth, double width) implements Curved {
    public Rugged {
        Checks.positive("dimension", dimension);
        Checks.positive("bowl", bowl);
        Checks.positive("depth", depth);
        Checks.positive("width", width);
    }

    private double k() {
        return 2 * Math.PI / width;
    }

    private double value(double xi) {
        return 0.5 * bowl * xi * xi + depth * (1 - Math.cos(k() * xi));
    }

    private double slope(double xi) {
        return bowl * xi + depth * k() * Math.sin(k() * xi);
    }

    @Override
    public double loss(float[] x) {
        double s = 0;
        for (int i = 0; i < dimension; i++) s += value(x[i]);
        return s;
    }

    /** The loss in double precision, for integrators that need it. */
    public double loss(double[] x) {
        double s = 0;
        for (int i = 0; i < dimension; i++) s += value(x[i]);
        return s;
    }

    @Override
    public void gradient(float[] x, float[] g) {
        for (int i = 0; i < dimension; i++) g[i] = (float) slope(x[i]);
    }

    /** The gradient in double precision. */
    public void gradient(double[] x, double[] g) {
        for (int i = 0; i < dimension; i++) g[i] = slope(x[i]);
    }

    private double curvature(double xi) {
        return bowl + depth * k() * k() * Math.cos(k() * xi);
    }

    @Override
    public void hvp(float[] x, float[] v, float[] out) {
        for (int i = 0; i < dimension; i++) out[i] = (float) (curvature(x[i]) * v[i]);
    }

    @Override
    public double lambdaMax(float[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < dimension; i++) m = Math.max(m, curvature(x[i]));
        return m;
    }
}
