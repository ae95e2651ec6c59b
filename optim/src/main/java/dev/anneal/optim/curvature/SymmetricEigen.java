package dev.anneal.optim.curvature;

/** Eigenvalues and eigenvectors of a small dense symmetric matrix by cyclic Jacobi rotations (for Lanczos' T). */
record SymmetricEigen(double[] values, double[][] vectors) {

    /** {@code values[i]} with eigenvector column i of {@code vectors}, sorted by decreasing value. */
    static SymmetricEigen of(double[][] matrix) {
        int n = matrix.length;
        double[][] a = new double[n][], v = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i] = matrix[i].clone();
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100 && offDiagonal(a) > 1e-30 * (1 + diagonal(a)); sweep++) {
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (a[p][q] == 0) continue;
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    double c = 1 / Math.sqrt(t * t + 1), s = t * c;
                    rotate(a, v, p, q, c, s);
                }
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(order, (i, j) -> Double.compare(a[j][j], a[i][i]));
        double[] values = new double[n];
        double[][] vectors = new double[n][n];
        for (int k = 0; k < n; k++) {
            values[k] = a[order[k]][order[k]];
            for (int i = 0; i < n; i++) vectors[i][k] = v[i][order[k]];
        }
        return new SymmetricEigen(values, vectors);
    }

    private static void rotate(double[][] a, double[][] v, int p, int q, double c, double s) {
        int n = a.length;
        for (int k = 0; k < n; k++) { // columns p, q
            double akp = a[k][p], akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
        }
        for (int k = 0; k < n; k++) { // rows p, q
            double apk = a[p][k], aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
        }
        for (int k = 0; k < n; k++) {
            double vkp = v[k][p], vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
        }
    }

    private static double offDiagonal(double[][] a) {
        double s = 0;
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a.length; j++) if (i != j) s += a[i][j] * a[i][j];
        return s;
    }

    private static double diagonal(double[][] a) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i][i] * a[i][i];
        return s;
    }
}
