package dev.anneal.lab.task;

import dev.anneal.schedule.Checks;

import java.util.random.RandomGenerator;

/**
 * Heterogeneous federated quadratics: client k holds {@code Lₖ(x) = ½·Σᵢ hₖᵢ·(xᵢ − cₖᵢ)²}, with its own
 * curvatures hₖ and centre cₖ; the global objective is the mean over clients. Its Hessian is diag(mean hₖ) and its
 * minimum is at x*ᵢ = Σₖ hₖᵢcₖᵢ / Σₖ hₖᵢ, which no client's own minimum cₖ equals unless the clients agree: local
 * steps drift towards cₖ (client drift), which is what a federated schedule must tame.
 */
public record FederatedQuadratics(double[][] curvatures, double[][] centers) implements Curved {
    public FederatedQuadratics {
        if (curvatures.length == 0) throw new IllegalArgumentException("curvatures must hold at least one client");
        if (centers.length != curvatures.length) {
            throw Checks.fail("centers", centers.length, "must hold one row per client (" + curvatures.length + ")");
        }
        int d = curvatures[0].length;
        Checks.positive("dimension", d);
        double[][] h = new double[curvatures.length][], c = new double[centers.length][];
        for (int k = 0; k < curvatures.length; k++) {
            if (curvatures[k].length != d || centers[k].length != d) {
                throw new IllegalArgumentException("client " + k + " must have " + d + " curvatures and " + d + " centre coordinates");
            }
            for (double v : curvatures[k]) Checks.positive("curvature", v);
            for (double v : centers[k]) Checks.finite("centre", v);
            h[k] = curvatures[k].clone();
            c[k] = centers[k].clone();
        }
        curvatures = h;
        centers = c;
    }

    /**
     * {@code clients} clients in {@code dimension} coordinates: curvatures log-uniform in [min, max], centres
     * N(0, spread²) per coordinate (spread 0: identical minima, no drift).
     */
    public static FederatedQuadratics random(int clients, int dimension, double min, double max, double spread, RandomGenerator rng) {
        Checks.positive("clients", clients);
        Checks.positive("dimension", dimension);
        Checks.positive("min", min);
        if (!(max >= min)) throw Checks.fail("max", max, "must be >= min (" + Checks.format(min) + ")");
        if (!(spread >= 0)) throw Checks.fail("spread", spread, "must be >= 0");
        double[][] h = new double[clients][dimension], c = new double[clients][dimension];
        for (int k = 0; k < clients; k++) {
            for (int i = 0; i < dimension; i++) {
                h[k][i] = min * Math.pow(max / min, rng.nextDouble());
                c[k][i] = spread * rng.nextGaussian();
            }
        }
        return new FederatedQuadratics(h, c);
    }

    public int clients() {
        return curvatures.length;
    }

    @Override
    public int dimension() {
        return curvatures[0].length;
    }

    /** Client k's loss. */
    public double loss(int k, float[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) s += 0.5 * curvatures[k][i] * sq(x[i] - centers[k][i]);
        return s;
    }

    /** Client k's exact gradient. */
    public void gradient(int k, float[] x, float[] g) {
        for (int i = 0; i < x.length; i++) g[i] = (float) (curvatures[k][i] * (x[i] - centers[k][i]));
    }

    @Override
    public double loss(float[] x) {
        double s = 0;
        for (int k = 0; k < clients(); k++) s += loss(k, x);
        return s / clients();
    }

    @Override
    public void gradient(float[] x, float[] g) {
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            for (int k = 0; k < clients(); k++) s += curvatures[k][i] * (x[i] - centers[k][i]);
            g[i] = (float) (s / clients());
        }
    }

    /** The global minimizer: per coordinate the curvature-weighted mean of the centres. */
    public double[] minimizer() {
        double[] x = new double[dimension()];
        for (int i = 0; i < x.length; i++) {
            double num = 0, den = 0;
            for (int k = 0; k < clients(); k++) {
                num += curvatures[k][i] * centers[k][i];
                den += curvatures[k][i];
            }
            x[i] = num / den;
        }
        return x;
    }

    /** The global Hessian's diagonal: the mean of the clients' curvatures. */
    public double[] meanCurvatures() {
        double[] m = new double[dimension()];
        for (int i = 0; i < m.length; i++) {
            for (double[] h : curvatures) m[i] += h[i];
            m[i] /= clients();
        }
        return m;
    }

    @Override
    public void hvp(float[] x, float[] v, float[] out) {
        double[] m = meanCurvatures();
        for (int i = 0; i < out.length; i++) out[i] = (float) (m[i] * v[i]);
    }

    @Override
    public double lambdaMax(float[] x) {
        double max = 0;
        for (double m : meanCurvatures()) max = Math.max(max, m);
        return max;
    }

    private static double sq(double v) {
        return v * v;
    }
}
