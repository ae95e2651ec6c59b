package dev.anneal.lab.task;

import dev.anneal.schedule.Checks;

import java.util.random.RandomGenerator;

/**
 * A scalar linear recurrence {@code h_{t+1} = w·h_t + u·x_t}, {@code h_0 = 0}, fitted to a teacher's states over
 * sequences of length {@code length}: {@code L = mean over sequences and steps of ½(h_t − y_t)²}, parameters
 * {@code (w, u)}. For |w| &gt; 1 the states and the gradient {@code ∂h_t/∂w = h_{t−1} + w·∂h_{t−1}/∂w} grow like
 * w^t: the exploding gradients of recurrent networks. Gradients are exact (forward-mode sensitivities).
 */
public record Recurrence(double teacherW, double teacherU, int length) {
    public Recurrence {
        Checks.finite("teacherW", teacherW);
        Checks.finite("teacherU", teacherU);
        Checks.positive("length", length);
    }

    /** Draws {@code batch} input sequences x ~ N(0, 1). */
    public double[][] inputs(int batch, RandomGenerator rng) {
        double[][] x = new double[batch][length];
        for (double[] row : x)
            for (int t = 0; t < length; t++) row[t] = rng.nextGaussian();
        return x;
    }

    /** The loss on the given sequences; writes the gradient with respect to (w, u) into {@code g} when it is not null. */
    public double lossAndGradient(float[] p, double[][] x, float[] g) {
        double w = p[0], u = p[1], loss = 0, gw = 0, gu = 0;
        int n = x.length * length;
        for (double[] seq : x) {
            double h = 0, y = 0, dw = 0, du = 0;
            for (int t = 0; t < length; t++) {
                dw = h + w * dw;
                du = seq[t] + w * du;
                h = w * h + u * seq[t];
                y = teacherW * y + teacherU * seq[t];
                double e = h - y;
                loss += 0.5 * e * e / n;
                gw += e * dw / n;
                gu += e * du / n;
            }
        }
        if (g != null) {
            g[0] = (float) gw;
            g[1] = (float) gu;
        }
        return loss;
    }
}
