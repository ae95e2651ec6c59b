package dev.anneal.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Runs an oracle over generated inputs, one at a time on a worker thread with a small stack (512 KiB, half a
 * JVM thread's default, so a recursion that is near the edge shows). An input that takes longer than the hang
 * bound (CPU time of the worker, not the clock) is a hang: its thread is abandoned and the run goes on. The bound
 * is generous (60 s where an input takes about a millisecond); the regressions that once hung (issue 12) are
 * pinned by structural assertions in SpecRegressionTest as well. The long run outside CI:
 * {@code java -cp core/target/classes:dialects/target/classes:dialects/target/test-classes dev.anneal.fuzz.FuzzRun 1000000} (docs/robustness.md).
 */
public final class FuzzRun {
    private FuzzRun() {}

    /** The long run prints each failure as it is found, and its progress, so that a stopped run still reports. */
    private static boolean live;

    public record Failure(long seed, String input, String invariant, String detail) {
        @Override
        public String toString() {
            return "seed " + seed + " [" + invariant + "] " + detail + "\n    input: " + SpecOracle.abbreviate(input);
        }
    }

    public record Report(long inputs, List<Failure> crashes, List<Failure> hangs, long millis) {
        @Override
        public String toString() {
            return inputs + " inputs, " + crashes.size() + " crashes, " + hangs.size() + " hangs, in " + millis / 1000.0 + " s"
                    + (crashes.isEmpty() && hangs.isEmpty() ? "" : "\n  " + String.join("\n  ",
                    java.util.stream.Stream.concat(crashes.stream(), hangs.stream()).limit(50).map(Failure::toString).toList()));
        }
    }

    public static Report run(long firstSeed, long inputs, long hangSeconds, LongFunction<String> generator,
                             Function<String, Optional<SpecOracle.Finding>> oracle) {
        List<Failure> crashes = new ArrayList<>(), hangs = new ArrayList<>();
        int reported = 0;
        ExecutorService worker = newWorker();
        long start = System.nanoTime();
        try {
            for (long seed = firstSeed; seed < firstSeed + inputs; seed++) {
                long at = seed;
                String input = generator.apply(seed);
                Future<Optional<SpecOracle.Finding>> result = worker.submit(() -> oracle.apply(input));
                try {
                    awaitWithinBudget(result, hangSeconds);
                    result.get()
                            .ifPresent(f -> crashes.add(new Failure(at, input, f.invariant(), f.detail())));
                } catch (TimeoutException e) {
                    hangs.add(new Failure(at, input, "time bound", "still running after " + hangSeconds + " s of CPU time"));
                    result.cancel(true);
                    worker.shutdownNow();
                    worker = newWorker();
                } catch (ExecutionException e) {
                    crashes.add(new Failure(at, input, "clean error", String.valueOf(e.getCause())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                if (live && (crashes.size() + hangs.size() > reported || (seed + 1 - firstSeed) % 50_000 == 0)) {
                    for (; reported < crashes.size() + hangs.size(); reported++) {
                        System.out.println(reported < crashes.size() ? crashes.get(reported) : hangs.get(reported - crashes.size()));
                    }
                    if ((seed + 1 - firstSeed) % 50_000 == 0) {
                        System.out.printf("… %d inputs, %d crashes, %d hangs, %.0f s%n", seed + 1 - firstSeed, crashes.size(), hangs.size(),
                                (System.nanoTime() - start) / 1e9);
                    }
                    System.out.flush();
                }
                if (crashes.size() + hangs.size() > 1000) break;
            }
        } finally {
            worker.shutdownNow();
        }
        return new Report(inputs, crashes, hangs, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Waits for one input; a TimeoutException once the worker has used {@code seconds} of CPU time on it. CPU time,
     * not the clock, so a loaded machine slows the run without turning slow inputs into hangs. It is read through
     * reflection because the tests compile inside the dialects module, which does not read java.management; where
     * that fails, the clock stands in.
     */
    private static void awaitWithinBudget(Future<?> result, long seconds) throws TimeoutException, InterruptedException {
        long budget = seconds * 1_000_000_000L, cpuStart = cpu(), wallStart = System.nanoTime();
        while (true) {
            try {
                result.get(50, TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException e) {
                return; // the caller's get() reports it
            } catch (TimeoutException e) {
                long cpu = cpu();
                long used = cpu >= 0 && cpuStart >= 0 ? cpu - cpuStart : System.nanoTime() - wallStart;
                if (used > budget) throw e;
            }
        }
    }

    private static volatile Thread workerThread;
    private static final Object THREADS;
    private static final java.lang.reflect.Method CPU_TIME;

    static {
        Object threads = null;
        java.lang.reflect.Method cpuTime = null;
        try {
            threads = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
            cpuTime = Class.forName("java.lang.management.ThreadMXBean").getMethod("getThreadCpuTime", long.class);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            threads = null;
        }
        THREADS = threads;
        CPU_TIME = threads == null ? null : cpuTime;
    }

    /** The worker's CPU time in ns, or -1 where it cannot be read. */
    private static long cpu() {
        Thread t = workerThread;
        if (THREADS == null || t == null) return -1;
        try {
            return (Long) CPU_TIME.invoke(THREADS, t.threadId());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "fuzz", 512 * 1024);
            t.setDaemon(true);
            workerThread = t;
            return t;
        });
    }

    public static void main(String[] args) {
        long inputs = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        long first = args.length > 1 ? Long.parseLong(args[1]) : 0;
        live = true;
        System.out.println("spec language and dialects: " + run(first, inputs, 60, SpecInputs::of, SpecOracle::check));
    }
}
