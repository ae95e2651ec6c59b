package dev.anneal.bench.optim;




import java.util.Arrays;
import java.util.List;

/**
 * Measures elements per second of several workloads in the same run: a warmup of {@code seconds} and at least
 * {@link #WARMUP_STEPS} steps for each (the JIT must have compiled the vector loops), then rounds in which each runs
 * in turn for a fifth of {@code seconds} (so a slow phase of the machine touches all of them alike); the result is
 * each workload's median over the rounds.
 */
final class Throughput {
    static final int ROUNDS = 5, WARMUP_STEPS = 20;

    private Throughput() {}

    /** Median elements per second of each workload, in the order given. */
    static double[] measure(List<Workload> workloads, Parallel parallel, double seconds) {
        long slice = (long) (seconds * 1e9 / ROUNDS);
        for (Workload w : workloads) {
            long end = System.nanoTime() + slice * ROUNDS;
            for (int steps = 0; steps < WARMUP_STEPS || System.nanoTime() < end; steps++) w.step(parallel);
        }
        double[][] rates = new double[workloads.size()][ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            for (int k = 0; k < workloads.size(); k++) {
                Workload w = workloads.get(k);
                long start = System.nanoTime(), steps = 0, now;
                do {
                    w.step(parallel);
                    steps++;
                } while ((now = System.nanoTime()) - start < slice);
                rates[k][round] = steps * (double) w.size() / ((now - start) * 1e-9);
            }
        }
        double[] medians = new double[workloads.size()];
        for (int k = 0; k < medians.length; k++) {
            Arrays.sort(rates[k]);
            medians[k] = rates[k][ROUNDS / 2];
        }
        float sink = 0;
        for (Workload w : workloads) sink += w.checksum();
        if (sink == Float.MIN_VALUE) System.out.print("");    // keeps the results observable
        return medians;
    }
}
