package dev.anneal.lab.task;

import dev.anneal.optim.curvature.Hvp;

/** A task that knows its curvature: exact Hessian–vector products and the largest Hessian eigenvalue. */
public interface Curved extends Task {
    /** Writes {@code H(x)·v} into {@code out}. */
    void hvp(float[] x, float[] v, float[] out);

    /** The largest eigenvalue of the Hessian at {@code x}. */
    double lambdaMax(float[] x);

    /** optim's view of {@link #hvp} at a copy of {@code x} (float32 inside, as the task computes), for its curvature tools. */
    default Hvp hvpAt(float[] x) {
        float[] at = x.clone();
        return Hvp.of(at.length, v -> {
            float[] in = new float[at.length], out = new float[at.length];
            for (int i = 0; i < in.length; i++) in[i] = (float) v[i];
            hvp(at, in, out);
            double[] r = new double[out.length];
            for (int i = 0; i < r.length; i++) r[i] = out[i];
            return r;
        });
    }
}
