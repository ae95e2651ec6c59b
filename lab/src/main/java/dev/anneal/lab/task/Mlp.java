package dev.anneal.lab.task;

import dev.anneal.schedule.Checks;

import java.util.random.RandomGenerator;

/**
 * A one-hidden-layer tanh network {@code ŷ = W2·tanh(W1·x + b1) + b2} with {@code outputs} heads, fitted by squared
 * error {@code L = (1/n)·Σ ½·‖ŷ − y‖²} on a fixed data set; gradients by hand-written backpropagation. Parameters
 * are one flat vector: W1 (hidden×inputs, row-major), b1, W2 (outputs×hidden), b2; {@link #trunk()} is the length
 * of the first two blocks (the shared trunk), the rest are the heads.
 */
public final class Mlp implements Task {
    private final int inputs, hidden, outputs;
    private final double[][] x, y;

    public Mlp(int inputs, int hidden, int outputs, double[][] x, double[][] y) {
        Checks.positive("inputs", inputs);
        Checks.positive("hidden", hidden);
        Checks.positive("outputs", outputs);
        if (x.length == 0 || x.length != y.length) throw new IllegalArgumentException("x rows (" + x.length + ") and y rows (" + y.length + ") must match and be > 0");
        this.inputs = inputs;
        this.hidden = hidden;
        this.outputs = outputs;
        this.x = x;
        this.y = y;
    }

    /** Data from a teacher network of the same shape with N(0, 1/fan-in) weights, inputs N(0, 1), target noise N(0, noise²). */
    public static Mlp teacher(int inputs, int hidden, int outputs, int samples, double noise, float[] teacher, RandomGenerator rng) {
        Mlp shape = new Mlp(inputs, hidden, outputs, new double[1][inputs], new double[1][outputs]);
        float[] t = shape.init(rng, 1);
        System.arraycopy(t, 0, teacher, 0, t.length);
        double[][] x = new double[samples][inputs], y = new double[samples][];
        for (int i = 0; i < samples; i++) {
            for (int j = 0; j < inputs; j++) x[i][j] = rng.nextGaussian();
            y[i] = shape.forward(t, x[i], new double[hidden]);
            for (int k = 0; k < outputs; k++) y[i][k] += noise * rng.nextGaussian();
        }
        return new Mlp(inputs, hidden, outputs, x, y);
    }

    /** The same network on other data (a validation set from the same teacher, say). */
    public Mlp on(double[][] x, double[][] y) {
        return new Mlp(inputs, hidden, outputs, x, y);
    }

    /** Weights N(0, scale²/fan-in), biases 0. */
    public float[] init(RandomGenerator rng, double scale) {
        float[] p = new float[dimension()];
        for (int i = 0; i < hidden * inputs; i++) p[i] = (float) (scale * rng.nextGaussian() / Math.sqrt(inputs));
        int w2 = hidden * inputs + hidden;
        for (int i = 0; i < outputs * hidden; i++) p[w2 + i] = (float) (scale * rng.nextGaussian() / Math.sqrt(hidden));
        return p;
    }

    @Override
    public int dimension() {
        return hidden * inputs + hidden + outputs * hidden + outputs;
    }

    /** Parameters of the shared trunk (W1 and b1): the first {@code trunk()} entries. */
    public int trunk() {
        return hidden * inputs + hidden;
    }

    public int samples() {
        return x.length;
    }

    public double[][] inputs() {
        return x;
    }

    /** The outputs for input {@code in}; {@code h} receives the hidden activations. */
    public double[] forward(float[] p, double[] in, double[] h) {
        int b1 = hidden * inputs, w2 = b1 + hidden, b2 = w2 + outputs * hidden;
        for (int j = 0; j < hidden; j++) {
            double a = p[b1 + j];
            for (int i = 0; i < inputs; i++) a += p[j * inputs + i] * in[i];
            h[j] = Math.tanh(a);
        }
        double[] out = new double[outputs];
        for (int k = 0; k < outputs; k++) {
            double o = p[b2 + k];
            for (int j = 0; j < hidden; j++) o += p[w2 + k * hidden + j] * h[j];
            out[k] = o;
        }
        return out;
    }

    @Override
    public double loss(float[] p) {
        double s = 0;
        double[] h = new double[hidden];
        for (int i = 0; i < x.length; i++) {
            double[] out = forward(p, x[i], h);
            for (int k = 0; k < outputs; k++) s += 0.5 * (out[k] - y[i][k]) * (out[k] - y[i][k]);
        }
        return s / x.length;
    }

    @Override
    public void gradient(float[] p, float[] g) {
        double[] acc = new double[p.length];
        for (int i = 0; i < x.length; i++) backprop(p, i, 1.0 / x.length, acc);
        for (int k = 0; k < g.length; k++) g[k] = (float) acc[k];
    }

    /** The mean gradient over {@code batch} samples drawn uniformly with replacement. */
    public void batchGradient(float[] p, float[] g, int batch, RandomGenerator rng) {
        double[] acc = new double[p.length];
        for (int b = 0; b < batch; b++) backprop(p, rng.nextInt(x.length), 1.0 / batch, acc);
        for (int k = 0; k < g.length; k++) g[k] = (float) acc[k];
    }

    private void backprop(float[] p, int i, double weight, double[] acc) {
        int b1 = hidden * inputs, w2 = b1 + hidden, b2 = w2 + outputs * hidden;
        double[] h = new double[hidden], dh = new double[hidden];
        double[] out = forward(p, x[i], h);
        for (int k = 0; k < outputs; k++) {
            double e = (out[k] - y[i][k]) * weight;
            acc[b2 + k] += e;
            for (int j = 0; j < hidden; j++) {
                acc[w2 + k * hidden + j] += e * h[j];
                dh[j] += e * p[w2 + k * hidden + j];
            }
        }
        for (int j = 0; j < hidden; j++) {
            double da = dh[j] * (1 - h[j] * h[j]);
            acc[b1 + j] += da;
            for (int m = 0; m < inputs; m++) acc[j * inputs + m] += da * x[i][m];
        }
    }
}
