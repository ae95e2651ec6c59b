package dev.anneal.lab.task;

import dev.anneal.schedule.Checks;

import java.util.random.RandomGenerator;

/**
 * Binary classification by a linear model {@code z = w·x}, with the focal loss
 * {@code −(1 − pₜ)^γ·log pₜ} ({@code γ = 0}: logistic loss), {@code pₜ} the probability of the true label. The
 * gradient with respect to the margin {@code zₜ = ±z} is {@code γ·pₜ(1 − pₜ)^γ·log pₜ − (1 − pₜ)^(γ+1)}.
 */
public final class Logistic implements Task {
    private final double[][] x;
    private final boolean[] y;
    private final double gamma;

    public Logistic(double[][] x, boolean[] y, double gamma) {
        if (x.length == 0 || x.length != y.length) throw new IllegalArgumentException("x rows (" + x.length + ") and labels (" + y.length + ") must match and be > 0");
        Checks.nonNegative("gamma", gamma);
        this.x = x;
        this.y = y;
        this.gamma = gamma;
    }

    /**
     * {@code n} points {@code x ~ N(0, I)} labelled by the sign of {@code teacher·x}; points with a normalised margin
     * below {@code margin} are dropped and redrawn (separable with that margin); {@code flip} is the label-noise rate.
     */
    public static Logistic separable(int n, double[] teacher, double margin, double flip, double gamma, RandomGenerator rng) {
        double norm = 0;
        for (double t : teacher) norm += t * t;
        norm = Math.sqrt(norm);
        double[][] x = new double[n][];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; ) {
            double[] row = new double[teacher.length];
            double dot = 0;
            for (int j = 0; j < row.length; j++) {
                row[j] = rng.nextGaussian();
                dot += row[j] * teacher[j];
            }
            if (Math.abs(dot) / norm < margin) continue;
            x[i] = row;
            y[i++] = (dot > 0) != (rng.nextDouble() < flip);
        }
        return new Logistic(x, y, gamma);
    }

    /** The same points scored with another focal exponent. */
    public Logistic withGamma(double gamma) {
        return new Logistic(x, y, gamma);
    }

    @Override
    public int dimension() {
        return x[0].length;
    }

    public int samples() {
        return x.length;
    }

    private double margin(float[] w, int i) {
        double z = 0;
        for (int j = 0; j < w.length; j++) z += w[j] * x[i][j];
        return y[i] ? z : -z;
    }

    /** Probability of the true label of sample i. */
    private static double prob(double margin) {
        return 1 / (1 + Math.exp(-margin));
    }

    private double sampleLoss(double m) {
        double logP = m >= 0 ? -Math.log1p(Math.exp(-m)) : m - Math.log1p(Math.exp(m));
        return -Math.pow(1 - prob(m), gamma) * logP;
    }

    @Override
    public double loss(float[] w) {
        double s = 0;
        for (int i = 0; i < x.length; i++) s += sampleLoss(margin(w, i));
        return s / x.length;
    }

    /** Fraction of samples on the wrong side of the boundary. */
    public double error(float[] w) {
        int wrong = 0;
        for (int i = 0; i < x.length; i++) if (margin(w, i) <= 0) wrong++;
        return wrong / (double) x.length;
    }

    @Override
    public void gradient(float[] w, float[] g) {
        double[] acc = new double[w.length];
        for (int i = 0; i < x.length; i++) add(w, i, 1.0 / x.length, acc);
        for (int j = 0; j < w.length; j++) g[j] = (float) acc[j];
    }

    /** The gradient of one sample. */
    public void sampleGradient(float[] w, int i, float[] g) {
        double[] acc = new double[w.length];
        add(w, i, 1, acc);
        for (int j = 0; j < w.length; j++) g[j] = (float) acc[j];
    }

    private void add(float[] w, int i, double weight, double[] acc) {
        double m = margin(w, i), p = prob(m), logP = m >= 0 ? -Math.log1p(Math.exp(-m)) : m - Math.log1p(Math.exp(m));
        double dm = gamma == 0 ? -(1 - p) : gamma * p * Math.pow(1 - p, gamma) * logP - Math.pow(1 - p, gamma + 1);
        double dz = (y[i] ? dm : -dm) * weight;
        for (int j = 0; j < w.length; j++) acc[j] += dz * x[i][j];
    }
}
