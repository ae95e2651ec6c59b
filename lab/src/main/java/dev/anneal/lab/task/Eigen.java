package dev.anneal.lab.task;

import java.util.Arrays;

/** Eigenvalues of a small symmetric matrix by cyclic Jacobi rotations: exact to rounding, for tasks' known curvature. */
public final class Eigen {
    private Eigen() {}

    /** The eigenvalues of symmetric {@code m}, in decreasing order. */
    public static double[] symmetric(double[][] m) {
        int n = m.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            if (m[i].length != n) throw new IllegalArgumentException("matrix must be square: row " + i + " has " + m[i].length + " entries, expected " + n);
            a[i] = m[i].clone();
        }
        for (int sweep = 0; sweep < 100 && offDiagonal(a) > 1e-24 * Math.max(1, diagonal(a)); sweep++)
            for (int p = 0; p < n; p++)
                for (int q = p + 1; q < n; q++) rotate(a, p, q);
        double[] ev = new double[n];
        for (int i = 0; i < n; i++) ev[i] = a[i][i];
        Arrays.sort(ev);
        for (int i = 0; i < n / 2; i++) {
            double t = ev[i];
            ev[i] = ev[n - 1 - i];
            ev[n - 1 - i] = t;
        }
        return ev;
    }

    private static void rotate(double[][] a, int p, int q) {
        if (a[p][q] == 0) return;
        double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        double t = Math.signum(theta == 0 ? 1 : theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        double c = 1 / Math.sqrt(t * t + 1), s = t * c;
        for (int k = 0; k < a.length; k++) {
            double akp = a[k][p], akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
        }
        for (int k = 0; k < a.length; k++) {
            double apk = a[p][k], aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
        }
    }

    private static double offDiagonal(double[][] a) {
        double s = 0;
        for (int i = 0; i < a.length; i++)
            for (int j = 0; j < a.length; j++) if (i != j) s += a[i][j] * a[i][j];
        return s;
    }

    private static double diagonal(double[][] a) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i][i] * a[i][i];
        return s;
    }
}
