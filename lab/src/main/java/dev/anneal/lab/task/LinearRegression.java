package dev.anneal.lab.task;

import dev.anneal.optim.curvature.Hvp;
import dev.anneal.optim.curvature.Lanczos;
import dev.anneal.schedule.Checks;

import java.util.random.RandomGenerator;

/**
 * Least squares on synthetic data: rows {@code xᵢ ~ N(0, diag(scale²))}, targets {@code yᵢ = xᵢ·w* + N(0, noise²)};
 * {@code L(w) = (1/2n)·Σ (xᵢ·w − yᵢ)²}. The Hessian is {@code XᵀX/n} whatever w is. Not thread-safe (L* is cached).
 */
public final class LinearRegression implements Curved {
    private final double[][] x;
    private final double[] y;
    private final double[][] hessian;
    private final double lambdaMax;
    private double minimum = Double.NaN;

    public LinearRegression(double[][] x, double[] y) {
        if (x.length == 0 || x.length != y.length) throw new IllegalArgumentException("x rows (" + x.length + ") and y (" + y.length + ") must match and be > 0");
        this.x = x;
        this.y = y;
        int d = x[0].length;
        hessian = new double[d][d];
        for (double[] row : x)
            for (int i = 0; i < d; i++)
                for (int j = 0; j < d; j++) hessian[i][j] += row[i] * row[j] / x.length;
        // optim's Lanczos over the whole space (d products at most, full reorthogonalisation): λmax exact to rounding
        lambdaMax = new Lanczos(1, d, 1e-14, 0).run(Hvp.matrix(hessian)).max();
    }

    /** Solves the normal equations {@code (XᵀX/n)·w = Xᵀy/n} by Cholesky factorisation. */
    private double[] leastSquares() {
        int d = hessian.length;
        double[] rhs = new double[d];
        for (int i = 0; i < x.length; i++)
            for (int j = 0; j < d; j++) rhs[j] += x[i][j] * y[i] / x.length;
        double[][] l = new double[d][d];
        for (int i = 0; i < d; i++)
            for (int j = 0; j <= i; j++) {
                double s = hessian[i][j];
                for (int k = 0; k < j; k++) s -= l[i][k] * l[j][k];
                if (i == j) {
                    if (!(s > 0)) throw new IllegalArgumentException("the data's Gram matrix is singular: least squares has no unique minimum");
                    l[i][i] = Math.sqrt(s);
                } else l[i][j] = s / l[j][j];
            }
        double[] z = new double[d], w = new double[d];
        for (int i = 0; i < d; i++) {
            double s = rhs[i];
            for (int k = 0; k < i; k++) s -= l[i][k] * z[k];
            z[i] = s / l[i][i];
        }
        for (int i = d - 1; i >= 0; i--) {
            double s = z[i];
            for (int k = i + 1; k < d; k++) s -= l[k][i] * w[k];
            w[i] = s / l[i][i];
        }
        return w;
    }

    private double lossAt(double[] w) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double r = -y[i];
            for (int j = 0; j < w.length; j++) r += x[i][j] * w[j];
            s += r * r;
        }
        return s / (2 * x.length);
    }

    /** The least-squares minimum L* (in double precision, from the normal equations; computed once, when first asked). */
    public double minimumLoss() {
        if (Double.isNaN(minimum)) minimum = lossAt(leastSquares());
        return minimum;
    }

    /** {@code n} samples; feature j scaled by {@code scales[j]}; teacher weights N(0, 1). */
    public static LinearRegression synthetic(int n, double[] scales, double noise, RandomGenerator rng) {
        Checks.positive("n", n);
        Checks.nonNegative("noise", noise);
        int d = scales.length;
        double[] teacher = new double[d];
        for (int j = 0; j < d; j++) teacher[j] = rng.nextGaussian();
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double dot = 0;
            for (int j = 0; j < d; j++) {
                x[i][j] = scales[j] * rng.nextGaussian();
                dot += x[i][j] * teacher[j] / scales[j];
            }
            y[i] = dot + noise * rng.nextGaussian();
        }
        return new LinearRegression(x, y);
    }

    @Override
    public int dimension() {
        return x[0].length;
    }

    public int samples() {
        return x.length;
    }

    /** A copy of the inputs, one row per sample. */
    public double[][] inputs() {
        double[][] copy = new double[x.length][];
        for (int i = 0; i < x.length; i++) copy[i] = x[i].clone();
        return copy;
    }

    /** A copy of the targets. */
    public double[] targets() {
        return y.clone();
    }

    private double residual(float[] w, int i) {
        double dot = 0;
        for (int j = 0; j < w.length; j++) dot += x[i][j] * w[j];
        return dot - y[i];
    }

    @Override
    public double loss(float[] w) {
        double[] wd = new double[w.length];
        for (int j = 0; j < w.length; j++) wd[j] = w[j];
        return lossAt(wd);
    }

    /** {@code L(w) − L*}. */
    public double excessLoss(float[] w) {
        return loss(w) - minimumLoss();
    }

    @Override
    public void gradient(float[] w, float[] g) {
        double[] acc = new double[w.length];
        for (int i = 0; i < x.length; i++) addRow(acc, w, i, 1.0 / x.length);
        for (int j = 0; j < w.length; j++) g[j] = (float) acc[j];
    }

    /** The mean gradient over {@code batch} rows drawn uniformly with replacement. */
    public void batchGradient(float[] w, float[] g, int batch, RandomGenerator rng) {
        double[] acc = new double[w.length];
        for (int b = 0; b < batch; b++) addRow(acc, w, rng.nextInt(x.length), 1.0 / batch);
        for (int j = 0; j < w.length; j++) g[j] = (float) acc[j];
    }

    private void addRow(double[] acc, float[] w, int i, double weight) {
        double r = residual(w, i) * weight;
        for (int j = 0; j < w.length; j++) acc[j] += r * x[i][j];
    }

    @Override
    public void hvp(float[] w, float[] v, float[] out) {
        for (int i = 0; i < v.length; i++) {
            double s = 0;
            for (int j = 0; j < v.length; j++) s += hessian[i][j] * v[j];
            out[i] = (float) s;
        }
    }

    @Override
    public double lambdaMax(float[] w) {
        return lambdaMax;
    }

    /** Entry (i, j) of the Hessian {@code XᵀX/n}. */
    public double hessian(int i, int j) {
        return hessian[i][j];
    }
}
