package dev.anneal.lab.task;

import dev.anneal.schedule.Checks;

/**
 * {@code L(x) = Σ ½λᵢyᵢ² + ¼μ·yᵢ⁴} with {@code y = Qᵀx} for an orthogonal Q: a bowl whose curvature
 * {@code λᵢ + 3μyᵢ²} is large far from the minimum (0 at the origin) and falls towards it, in a basis not aligned
 * with the coordinates. The Hessian is {@code Q·diag(λ + 3μy²)·Qᵀ}; Hessian–vector products are exact.
 */
public final class Quartic implements Curved {
    private final double[] lambda;
    private final double mu;
    private final double[][] q;

    /** {@code q} must be orthogonal (columns are the eigenvector basis), e.g. from optim's {@code Spectra.randomOrthogonal}. */
    public Quartic(double[] lambda, double mu, double[][] q) {
        for (double l : lambda) Checks.positive("lambda", l);
        Checks.nonNegative("mu", mu);
        if (q.length != lambda.length) throw new IllegalArgumentException("q has " + q.length + " rows: it must have " + lambda.length);
        this.lambda = lambda.clone();
        this.mu = mu;
        this.q = q;
    }

    @Override
    public int dimension() {
        return lambda.length;
    }

    private double[] rotate(float[] x) {
        double[] y = new double[lambda.length];
        for (int k = 0; k < y.length; k++)
            for (int i = 0; i < y.length; i++) y[k] += q[i][k] * x[i];
        return y;
    }

    @Override
    public double loss(float[] x) {
        double[] y = rotate(x);
        double s = 0;
        for (int k = 0; k < y.length; k++) s += 0.5 * lambda[k] * y[k] * y[k] + 0.25 * mu * y[k] * y[k] * y[k] * y[k];
        return s;
    }

    @Override
    public void gradient(float[] x, float[] g) {
        double[] y = rotate(x), d = new double[y.length];
        for (int k = 0; k < y.length; k++) d[k] = lambda[k] * y[k] + mu * y[k] * y[k] * y[k];
        back(d, g);
    }

    @Override
    public void hvp(float[] x, float[] v, float[] out) {
        double[] y = rotate(x), w = rotate(v);
        for (int k = 0; k < y.length; k++) w[k] *= lambda[k] + 3 * mu * y[k] * y[k];
        back(w, out);
    }

    /** g = Q·d. */
    private void back(double[] d, float[] g) {
        for (int i = 0; i < d.length; i++) {
            double s = 0;
            for (int k = 0; k < d.length; k++) s += q[i][k] * d[k];
            g[i] = (float) s;
        }
    }

    @Override
    public double lambdaMax(float[] x) {
        double[] y = rotate(x);
        double m = 0;
        for (int k = 0; k < y.length; k++) m = Math.max(m, lambda[k] + 3 * mu * y[k] * y[k]);
        return m;
    }
}
