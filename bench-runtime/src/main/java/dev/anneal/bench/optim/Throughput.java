package dev.anneal.bench.optim;

import java.util.Arrays;
import java.util.List;

/**
 * Measures parameters per second of several workloads in the same run: a warmup of {@code seconds} and at least
 * {@link #WARMUP_STEPS} steps for each (the JIT must have compiled the vector loops), then {@link #ROUNDS} rounds
 * in which each runs for a {@code ROUNDS}-th of {@code seconds}, the order rotating by round (so a slow phase of a
 * shared machine touches all of them alike); the result is each workload's median over the rounds.
 */
final class Throughput {
    static final int ROUNDS = 7, WARMUP_STEPS = 20;

    private Throughput() {}

    /** Median parameters per second of each workload, in the order given. */
    static double[] measure(List<Workload> workloads, Parallel parallel, double seconds) {
        long slice = (long) (seconds * 1e9 / ROUNDS);
        for (Workload w : workloads) {
            long end = System.nanoTime() + slice * ROUNDS;
            for (int steps = 0; steps < WARMUP_STEPS || System.nanoTime() < end; steps++) w.step(parallel);
        }
        int count = workloads.size();
        double[][] rates = new double[count][ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < count; i++) {
                int k = (round + i) % count;
                Workload w = workloads.get(k);
                long start = System.nanoTime(), steps = 0, now;
                do {
                    w.step(parallel);
                    steps++;
                } while ((now = System.nanoTime()) - start < slice);
                rates[k][round] = steps * (double) w.elements() / ((now - start) * 1e-9);
            }
        }
        double[] medians = new double[count];
        for (int k = 0; k < count; k++) {
            Arrays.sort(rates[k]);
            medians[k] = rates[k][ROUNDS / 2];
        }
        float sink = 0;
        for (Workload w : workloads) sink += w.checksum();
        if (sink == Float.MIN_VALUE) System.out.print("");    // keeps the results observable
        return medians;
    }
}
