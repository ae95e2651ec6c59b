package dev.anneal.optim.curvature;

import dev.anneal.schedule.Checks;

/** H·v for a dense symmetric matrix. */
final class MatrixHvp implements Hvp {
    private final double[][] h;

    MatrixHvp(double[][] matrix) {
        int n = matrix.length;
        Checks.positive("rows", n);
        h = new double[n][];
        for (int i = 0; i < n; i++) {
            if (matrix[i].length != n) throw Checks.fail("row " + i + " length", matrix[i].length, "must be " + n + " (a square matrix)");
            h[i] = matrix[i].clone();
            for (int j = 0; j < n; j++) Checks.finite("h[" + i + "][" + j + "]", h[i][j]);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double scale = Math.max(Math.abs(h[i][j]), Math.abs(h[j][i]));
                if (Math.abs(h[i][j] - h[j][i]) > 1e-12 * scale) {
                    throw Checks.fail("h[" + i + "][" + j + "]", h[i][j], "must equal h[" + j + "][" + i + "] (" + h[j][i] + "): a Hessian is symmetric");
                }
            }
        }
    }

    @Override
    public int dimension() {
        return h.length;
    }

    @Override
    public double[] apply(double[] v) {
        double[] out = new double[h.length];
        for (int i = 0; i < h.length; i++) out[i] = Vectors.dot(h[i], v);
        return out;
    }
}
