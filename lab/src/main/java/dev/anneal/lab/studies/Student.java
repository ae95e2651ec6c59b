package dev.anneal.lab.studies;

import dev.anneal.lab.task.Mlp;

import java.util.SplittableRandom;

/**
 * A one-output tanh student MLP and its data: a teacher of the same shape, noisy training samples, a noise-free
 * test set from the teacher, and a start drawn at scale 1. The draws come from {@code rng} in that order.
 */
record Student(Mlp train, Mlp test, float[] start) {
    static Student of(int inputs, int hidden, int samples, double noise, int tests, SplittableRandom rng) {
        float[] teacher = new float[new Mlp(inputs, hidden, 1, new double[1][inputs], new double[1][1]).dimension()];
        Mlp train = Mlp.teacher(inputs, hidden, 1, samples, noise, teacher, rng);
        double[][] tx = new double[tests][inputs], ty = new double[tests][];
        for (double[] row : tx) for (int j = 0; j < inputs; j++) row[j] = rng.nextGaussian();
        double[] h = new double[hidden];
        for (int i = 0; i < tests; i++) ty[i] = train.forward(teacher, tx[i], h);
        return new Student(train, train.on(tx, ty), train.init(rng, 1));
    }
}
