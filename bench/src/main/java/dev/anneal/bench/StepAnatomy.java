package dev.anneal.bench;

import dev.anneal.bench.host.Load;
import dev.anneal.bench.optim.Parallel;
import dev.anneal.optim.kernel.AdamScalars;
import dev.anneal.optim.kernel.KernelImpl;

import java.util.Arrays;
import java.util.Locale;

/**
 * Times the parts of an AdamW step on one thread and on two, with each {@link Parallel.Split}: when the pool
 * thread starts its first part after the step began, how long the calling thread waits at the end, and the pool
 * thread's share of the elements. Arguments: parameters, steps. Output and reading: docs/benchmarks.md ("Why two
 * threads gained little").
 */
public final class StepAnatomy {
    private StepAnatomy() {}

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]), steps = Integer.parseInt(args[1]);
        float[] p = new float[n], g = new float[n], m = new float[n], v = new float[n];
        Arrays.fill(p, 1f);
        Arrays.fill(g, 0.01f);
        Arrays.fill(v, 1e-4f);
        AdamScalars s = AdamScalars.of(1e-3, 0.01, true, 0.9, 0.999, 1e-8, 10, true);
        for (String mode : new String[] {"1 thread", "SLICES", "CHUNKS"}) {
            try (Parallel parallel = mode.equals("1 thread") ? new Parallel(1) : new Parallel(2, Parallel.Split.valueOf(mode))) {
                Thread caller = Thread.currentThread();
                double stepNanos = 0, workerStart = 0, callerIdle = 0, workerShare = 0;
                int withWorker = 0;
                for (int k = -5; k < steps; k++) {   // five steps of warmup
                    long[] firstIn = {Long.MAX_VALUE, Long.MAX_VALUE}, lastOut = {0, 0}, elements = {0, 0};
                    long t0 = System.nanoTime();
                    parallel.run(n, (off, len) -> {
                        int who = Thread.currentThread() == caller ? 0 : 1;
                        firstIn[who] = Math.min(firstIn[who], System.nanoTime());
                        KernelImpl.AUTO.adam(p, g, m, v, off, len, s);
                        lastOut[who] = System.nanoTime();
                        elements[who] += len;
                    });
                    long t1 = System.nanoTime();
                    if (k < 0) continue;
                    stepNanos += t1 - t0;
                    callerIdle += t1 - lastOut[0];
                    workerShare += elements[1] / (double) n;
                    if (elements[1] > 0) {
                        withWorker++;
                        workerStart += firstIn[1] - t0;
                    }
                }
                System.out.printf(Locale.ROOT, "%-8s %d parameters: step %.2f ms (%.0f Mparam/s); pool thread in %d of %d steps, "
                                + "starting %.2f ms after the step began; caller idle at the end %.2f ms; pool thread's share %.2f%n",
                        mode, n, stepNanos / steps / 1e6, n / (stepNanos / steps / 1e9) / 1e6, withWorker, steps,
                        withWorker == 0 ? 0 : workerStart / withWorker / 1e6, callerIdle / steps / 1e6, workerShare / steps);
            }
        }
        System.out.println("load " + Load.now());
    }
}
