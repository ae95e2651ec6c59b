package dev.anneal.lab.task;

import dev.anneal.schedule.Checks;

/**
 * The bilinear min–max game {@code min_x max_y f(x, y) = Σᵢ σᵢ·xᵢ·yᵢ} (a GAN's simplest model), equilibrium at
 * the origin. The game's vector field (∂f/∂x, −∂f/∂y) has the Jacobian [[0, diag σ], [−diag σ, 0]], whose
 * eigenvalues ±iσᵢ are purely imaginary: no step size makes simultaneous gradient descent–ascent contract. With
 * step η each pair (xᵢ, yᵢ) rotates and its radius grows by exactly √(1 + η²σᵢ²) per step.
 */
public record BilinearGame(double[] couplings) {
    public BilinearGame {
        if (couplings.length == 0) throw new IllegalArgumentException("couplings must not be empty");
        for (double s : couplings) Checks.positive("coupling", s);
        couplings = couplings.clone();
    }

    public int dimension() {
        return couplings.length;
    }

    public double value(float[] x, float[] y) {
        double s = 0;
        for (int i = 0; i < couplings.length; i++) s += couplings[i] * x[i] * y[i];
        return s;
    }

    /** The minimizing player's gradient ∂f/∂x = σ∘y. */
    public void gradientX(float[] y, float[] g) {
        for (int i = 0; i < couplings.length; i++) g[i] = (float) (couplings[i] * y[i]);
    }

    /** The maximizing player's gradient ∂f/∂y = σ∘x (it ascends along it). */
    public void gradientY(float[] x, float[] g) {
        for (int i = 0; i < couplings.length; i++) g[i] = (float) (couplings[i] * x[i]);
    }

    /** The distance of (x, y) from the equilibrium. */
    public double distance(float[] x, float[] y) {
        double s = 0;
        for (int i = 0; i < couplings.length; i++) s += (double) x[i] * x[i] + (double) y[i] * y[i];
        return Math.sqrt(s);
    }

    /** The factor by which one simultaneous descent–ascent step of size η scales pair i's radius: √(1 + η²σᵢ²). */
    public double simultaneousGrowth(double eta, int i) {
        return Math.sqrt(1 + eta * eta * couplings[i] * couplings[i]);
    }

    /** The largest |eigenvalue| of the game's Jacobian: max σᵢ. */
    public double spectralRadius() {
        double max = 0;
        for (double s : couplings) max = Math.max(max, s);
        return max;
    }
}
