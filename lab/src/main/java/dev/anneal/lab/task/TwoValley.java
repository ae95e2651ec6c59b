package dev.anneal.lab.task;

import dev.anneal.schedule.Checks;

/**
 * A 1-D landscape with two valleys: {@code min(½·sharp·(x − a)², ½·flat·(x − b)² + offset)}. The sharp valley at
 * {@code a} has curvature {@code sharp}, the flat one at {@code b} curvature {@code flat}; the boundary between
 * their basins is where the two parabolas meet.
 */
public record TwoValley(double sharp, double a, double flat, double b, double offset) implements Curved {
    public TwoValley {
        Checks.positive("sharp", sharp);
        Checks.positive("flat", flat);
        Checks.finite("a", a);
        Checks.finite("b", b);
        Checks.finite("offset", offset);
        if (!(a < b)) throw Checks.fail("a", a, "must be < b (" + Checks.format(b) + ")");
    }

    @Override
    public int dimension() {
        return 1;
    }

    private double sharpPart(double x) {
        return 0.5 * sharp * (x - a) * (x - a);
    }

    private double flatPart(double x) {
        return 0.5 * flat * (x - b) * (x - b) + offset;
    }

    /** Whether {@code x} lies in the sharp valley's basin (where its parabola is the lower one). */
    public boolean inSharp(double x) {
        return sharpPart(x) <= flatPart(x);
    }

    @Override
    public double loss(float[] x) {
        return Math.min(sharpPart(x[0]), flatPart(x[0]));
    }

    @Override
    public void gradient(float[] x, float[] g) {
        g[0] = (float) (inSharp(x[0]) ? sharp * (x[0] - a) : flat * (x[0] - b));
    }

    @Override
    public void hvp(float[] x, float[] v, float[] out) {
        out[0] = (float) (lambdaMax(x) * v[0]);
    }

    @Override
    public double lambdaMax(float[] x) {
        return inSharp(x[0]) ? sharp : flat;
    }
}
