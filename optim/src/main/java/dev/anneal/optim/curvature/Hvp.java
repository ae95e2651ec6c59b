package dev.anneal.optim.curvature;

import dev.anneal.control.Curvature;
import dev.anneal.schedule.Checks;

import java.util.function.UnaryOperator;

/**
 * A Hessian–vector product v ↦ H·v for a symmetric H (core's {@link Curvature}, what a controller observes), with
 * exact and finite-difference constructions: the one operation curvature estimation needs. {@code apply} returns a
 * new array and leaves v unchanged.
 *
 * <p>Example: {@code Hvp.diagonal(4, 1)} is the Hessian of ½(4x² + y²); {@code Hvp.finiteDifference(g, x)} wraps any
 * gradient; the lab's tasks implement {@code apply} exactly.
 */
public interface Hvp extends Curvature {

    /** Any product function; it must return {@code dimension} entries. */
    static Hvp of(int dimension, UnaryOperator<double[]> product) {
        Checks.positive("dimension", dimension);
        return new Hvp() {
            public int dimension() {
                return dimension;
            }

            public double[] apply(double[] v) {
                return product.apply(v);
            }
        };
    }

    /** The exact product with a dense symmetric matrix (copied; symmetry checked to 1e-12 relative). */
    static Hvp matrix(double[][] h) {
        return new MatrixHvp(h);
    }

    /** The exact product with diag(d). */
    static Hvp diagonal(double... d) {
        double[] copy = d.clone();
        for (int i = 0; i < copy.length; i++) Checks.finite("d[" + i + "]", copy[i]);
        return of(copy.length, v -> {
            double[] out = new double[copy.length];
            for (int i = 0; i < out.length; i++) out[i] = copy[i] * v[i];
            return out;
        });
    }

    /**
     * Central differences of the gradient at {@code x}: H·v ≈ ‖v‖·[g(x + εu) − g(x − εu)] / 2ε with u = v/‖v‖ and
     * ε = ∛(machine ε)·max(1, ‖x‖) ≈ 6e-6·max(1, ‖x‖), the step that balances the O(ε²) truncation against the
     * O(machine ε/ε) rounding error. Two gradient evaluations per product.
     */
    static Hvp finiteDifference(Gradient gradient, double[] x) {
        return finiteDifference(gradient, x, Math.cbrt(Math.ulp(1.0)) * Math.max(1, Vectors.norm(x)));
    }

    /** Central differences with an explicit step ε > 0. */
    static Hvp finiteDifference(Gradient gradient, double[] x, double step) {
        Checks.positive("step", step);
        double[] at = x.clone();
        for (int i = 0; i < at.length; i++) Checks.finite("x[" + i + "]", at[i]);
        return of(at.length, v -> {
            double norm = Vectors.norm(v);
            if (norm == 0) return new double[at.length];
            double[] plus = at.clone(), minus = at.clone();
            for (int i = 0; i < at.length; i++) {
                plus[i] += step * v[i] / norm;
                minus[i] -= step * v[i] / norm;
            }
            double[] gp = gradient.at(plus), gm = gradient.at(minus), out = new double[at.length];
            for (int i = 0; i < out.length; i++) out[i] = (gp[i] - gm[i]) * norm / (2 * step);
            return out;
        });
    }
}
