package dev.anneal.lab;

import java.util.Arrays;

/** One line of a figure: y against x. */
public record Curve(double[] x, double[] y) {
    public Curve {
        if (x.length != y.length) throw new IllegalArgumentException("curve x (" + x.length + " points) and y (" + y.length + " points) must have the same length");
        x = x.clone();
        y = y.clone();
    }

    /** y against 0, 1, 2, …. */
    public static Curve of(double[] y) {
        double[] x = new double[y.length];
        Arrays.setAll(x, i -> i);
        return new Curve(x, y);
    }

    /** At most {@code max} points, taken at an even stride (the last point always kept). */
    public Curve thin(int max) {
        if (x.length <= max) return this;
        int stride = (x.length + max - 1) / max, n = (x.length - 1) / stride + 1;
        boolean lastIn = (x.length - 1) % stride == 0;
        double[] tx = new double[lastIn ? n : n + 1], ty = new double[tx.length];
        for (int i = 0; i < n; i++) {
            tx[i] = x[i * stride];
            ty[i] = y[i * stride];
        }
        tx[tx.length - 1] = x[x.length - 1];
        ty[ty.length - 1] = y[y.length - 1];
        return new Curve(tx, ty);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Curve c && Arrays.equals(x, c.x) && Arrays.equals(y, c.y);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(x) + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
        return "Curve[" + x.length + " points]";
    }
}
