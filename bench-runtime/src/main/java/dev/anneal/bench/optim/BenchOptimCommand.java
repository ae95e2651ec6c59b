package dev.anneal.bench.optim;

import dev.anneal.bench.host.Load;
import dev.anneal.bench.host.Pages;
import dev.anneal.bench.optim.Workload.Loop;
import dev.anneal.bench.optim.Workload.Rule;
import dev.anneal.optim.kernel.KernelImpl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code anneal bench optim}: parameters per second of the AdamW and SGD-momentum updates against their roofline,
 * measured in the same run and the same rounds: the smaller of the rate of a memory-only loop with the update's
 * own reads and writes ({@link Workload.Loop#PATTERN}) and the rate of the update on arrays that stay in cache
 * ({@link Workload.Loop#IN_CACHE}).
 */
@Command(name = "optim", mixinStandardHelpOptions = true,
        description = {"Benchmark the optimizer kernels: parameters per second of AdamW and SGD with momentum against their "
                + "roofline, measured in the same run: the smaller of the memory bound (a loop with the update's own reads and "
                + "writes, an add in place of its arithmetic) and the compute bound (the update on arrays that stay in cache).",
                "AdamW reads p, g, m, v and writes p, m, v (28 bytes per parameter); SGD-momentum reads p, g, buf and writes p, buf (20)."})
public final class BenchOptimCommand implements Callable<Integer> {

    @Option(names = "--sizes", split = ",", paramLabel = "N", defaultValue = "1M,10M,50M",
            description = "Parameter counts, with an optional K or M suffix (default: ${DEFAULT-VALUE}).")
    List<String> sizes;

    @Option(names = "--threads", split = ",", paramLabel = "T",
            description = "Thread counts (default: 1 and all available cores).")
    List<Integer> threads;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "2",
            description = "Measured time per workload, per size and thread count, after as long again of warmup "
                    + "(default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--split", paramLabel = "chunks|slices", defaultValue = "chunks",
            description = "How the threads share the arrays: chunks of " + Parallel.CHUNK + " taken in turn, or one slice per thread "
                    + "(default: ${DEFAULT-VALUE}).")
    String split;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        List<Integer> counts = sizes.stream().map(BenchOptimCommand::count).toList();
        int cores = Runtime.getRuntime().availableProcessors();
        List<Integer> threadCounts = threads != null ? threads : cores == 1 ? List.of(1) : List.of(1, cores);
        for (int t : threadCounts) if (t < 1 || t > 1024) throw new IllegalArgumentException("--threads (" + t + ") must be in [1, 1024]");
        if (!(seconds > 0) || seconds > 3600) throw new IllegalArgumentException("--seconds (" + seconds + ") must be in (0, 3600]");
        Parallel.Split how = switch (split) {
            case "chunks" -> Parallel.Split.CHUNKS;
            case "slices" -> Parallel.Split.SLICES;
            default -> throw new IllegalArgumentException("--split (" + split + ") must be chunks or slices");
        };

        PrintWriter out = command.commandLine().getOut();
        out.printf(Locale.ROOT, "anneal bench optim: kernels %s, %d cores available, %s s per workload, size and thread count, median of %d rounds; "
                        + "split: %s; heap on %s; load %s%n", KernelImpl.best().describe(), cores, seconds, Throughput.ROUNDS,
                how == Parallel.Split.CHUNKS ? "chunks of " + Parallel.CHUNK : "one slice per thread", Pages.heap(), Load.now());
        out.printf(Locale.ROOT, "pattern = the update's reads and writes, an add for its arithmetic (memory bound); in cache = the update, %d passes "
                + "over %d parameters (compute bound); roofline = min(pattern, in cache); all in Mparam/s%n", Workload.CACHE_PASSES, Workload.CACHE_SIZE);
        out.println();
        StringBuilder header = new StringBuilder("| parameters | threads |"), rule = new StringBuilder("|---:|---:|");
        for (Rule r : Rule.values()) {
            header.append(String.format(" %1$s | %1$s pattern | %1$s in cache | %1$s %% of roofline |", r.label()));
            rule.append("---:|---:|---:|---:|");
        }
        out.println(header);
        out.println(rule);
        out.flush();
        for (int n : counts) {
            for (int t : threadCounts) {
                List<Workload> workloads = new ArrayList<>();
                for (Rule r : Rule.values()) for (Loop loop : Loop.values()) workloads.add(new Workload(r, loop, n, KernelImpl.best()));
                double[] rate;
                try (Parallel parallel = new Parallel(t, how)) {
                    rate = Throughput.measure(workloads, parallel, seconds);
                }
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %d |", label(n), t));
                for (int k = 0; k < workloads.size(); k += Loop.values().length) {
                    double update = rate[k], pattern = rate[k + 1], inCache = rate[k + 2];
                    row.append(String.format(Locale.ROOT, " %.1f | %.1f | %.1f | %.0f%% |", update / 1e6, pattern / 1e6, inCache / 1e6,
                            100 * update / Math.min(pattern, inCache)));
                }
                out.println(row);
                out.flush();
            }
        }
        out.printf("load at the end: %s%n", Load.now());
        return 0;
    }

    /** {@code 1000}, {@code 500K}, {@code 10M}. */
    static int count(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        long unit = t.endsWith("M") ? 1_000_000 : t.endsWith("K") ? 1_000 : 1;
        String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
        long n;
        try {
            n = Long.parseLong(digits) * unit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--sizes (" + text + ") must be a count like 1000, 500K or 10M");
        }
        if (n < 1 || n > 200_000_000) throw new IllegalArgumentException("--sizes (" + text + ") must be in [1, 200M]");
        return (int) n;
    }

    static String label(int n) {
        return n % 1_000_000 == 0 ? n / 1_000_000 + "M" : n % 1_000 == 0 ? n / 1_000 + "K" : Integer.toString(n);
    }
}
