package dev.anneal.lab.task;

/** A differentiable objective over a flat float32 parameter vector, with its exact gradient. */
public interface Task {
    int dimension();

    /** The loss at {@code x}, in double precision. */
    double loss(float[] x);

    /** Writes the exact gradient at {@code x} into {@code g}. */
    void gradient(float[] x, float[] g);
}
