package dev.anneal.optim.curvature;

import dev.anneal.schedule.Checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Lanczos for the k largest (algebraic) eigenvalues, with full reorthogonalisation: each new basis vector is
 * orthogonalised (twice) against all earlier ones, so no ghost copies appear. After j products the Ritz values are
 * the eigenvalues of the j×j tridiagonal T; Ritz value θᵢ has residual βⱼ·|sⱼᵢ| (s: T's eigenvector), and the run
 * stops when the top k residuals are ≤ tolerance·max|θ|, or after {@code maxProducts} (at most the dimension).
 * When the Krylov space becomes invariant (β ≈ 0) it restarts from a random vector orthogonal to it, so repeated
 * eigenvalues appear with their multiplicity (k = 1 stops at once: λmax is found). Memory: one vector per product.
 *
 * @param k           how many of the largest eigenvalues to return
 * @param maxProducts the most Hessian–vector products to use
 * @param tolerance   relative residual at which to stop
 * @param seed        seeds the random start (and restart) vectors
 */
public record Lanczos(int k, int maxProducts, double tolerance, long seed) {

    public Lanczos {
        Checks.positive("k", k);
        Checks.positive("maxProducts", maxProducts);
        Checks.positive("tolerance", tolerance);
        Checks.argument(k <= maxProducts, "k (" + k + ") must be <= maxProducts (" + maxProducts + ")");
    }

    /**
     * @param values    the k largest Ritz values, decreasing (fewer if the dimension is smaller)
     * @param residuals their residual norms ‖Hy − θy‖, each a bound on the distance to the spectrum
     * @param products  Hessian–vector products used
     * @param converged whether every returned value reached the tolerance (or the space was exhausted)
     * @param history   the largest Ritz value after each product
     */
    public record Result(double[] values, double[] residuals, int products, boolean converged, double[] history) {
        public double max() {
            return values[0];
        }
    }

    public Result run(Hvp hvp) {
        int n = hvp.dimension(), limit = Math.min(maxProducts, n);
        Random rng = new Random(seed);
        List<double[]> basis = new ArrayList<>();
        double[] alpha = new double[limit], beta = new double[limit], history = new double[limit];
        double[] q = Vectors.randomUnit(n, rng);
        SymmetricEigen eigen = null;
        for (int j = 0; j < limit; j++) {
            basis.add(q);
            double[] w = Vectors.product(hvp, q);
            alpha[j] = Vectors.dot(q, w);
            orthogonalise(w, basis);
            beta[j] = Vectors.norm(w);
            eigen = SymmetricEigen.of(tridiagonal(alpha, beta, j + 1));
            history[j] = eigen.values()[0];
            double scale = Math.max(Math.abs(eigen.values()[0]), Math.abs(eigen.values()[j]));
            boolean invariant = beta[j] <= 1e-10 * Math.max(scale, Double.MIN_NORMAL);
            int top = Math.min(k, j + 1);
            if (j + 1 == n || (invariant && k == 1) || (!invariant && top == k && converged(eigen, beta[j], top, scale))) {
                return result(eigen, invariant ? 0 : beta[j], top, j + 1, true, history);
            }
            if (invariant) { // restart in the orthogonal complement; T becomes block diagonal
                beta[j] = 0;
                q = Vectors.randomUnit(n, rng);
                orthogonalise(q, basis);
                q = Vectors.scaled(1 / Vectors.norm(q), q);
            } else {
                q = Vectors.scaled(1 / beta[j], w);
            }
        }
        return result(eigen, beta[limit - 1], Math.min(k, limit), limit, false, history);
    }

    private boolean converged(SymmetricEigen eigen, double beta, int top, double scale) {
        int last = eigen.values().length - 1;
        for (int i = 0; i < top; i++) if (beta * Math.abs(eigen.vectors()[last][i]) > tolerance * scale) return false;
        return true;
    }

    private static Result result(SymmetricEigen eigen, double beta, int top, int products, boolean converged, double[] history) {
        int last = eigen.values().length - 1;
        double[] residuals = new double[top];
        for (int i = 0; i < top; i++) residuals[i] = beta * Math.abs(eigen.vectors()[last][i]);
        return new Result(Arrays.copyOf(eigen.values(), top), residuals, products, converged, Arrays.copyOf(history, products));
    }

    /** w ← w − Σ (qᵢ·w) qᵢ, twice ("twice is enough": Parlett). */
    private static void orthogonalise(double[] w, List<double[]> basis) {
        for (int pass = 0; pass < 2; pass++) {
            for (double[] b : basis) Vectors.axpy(-Vectors.dot(b, w), b, w);
        }
    }

    private static double[][] tridiagonal(double[] alpha, double[] beta, int m) {
        double[][] t = new double[m][m];
        for (int i = 0; i < m; i++) {
            t[i][i] = alpha[i];
            if (i + 1 < m) t[i][i + 1] = t[i + 1][i] = beta[i];
        }
        return t;
    }
}
