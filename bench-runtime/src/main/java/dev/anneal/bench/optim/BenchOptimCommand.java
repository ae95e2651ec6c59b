package dev.anneal.bench.optim;

import dev.anneal.optim.kernel.KernelImpl;


import dev.anneal.bench.optim.Workload.Kind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code anneal bench optim}: parameters per second of the AdamW and SGD-momentum kernels against the memory
 * bandwidth a STREAM triad over arrays of the same size reaches in the same run.
 */
@Command(name = "optim", mixinStandardHelpOptions = true,
        description = {"Benchmark the optimizer kernels: parameters per second of AdamW and SGD with momentum, and the "
                + "fraction of the memory-bandwidth bound a STREAM triad of the same size implies.",
                "Bound = triad bandwidth (16 bytes per element, counting write-allocate) / bytes per parameter "
                        + "(AdamW 28, SGD-momentum 20)."})
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

    @picocli.CommandLine.Spec
    CommandSpec command;

    @Override
    public Integer call() {
        List<Integer> counts = sizes.stream().map(BenchOptimCommand::count).toList();
        int cores = Runtime.getRuntime().availableProcessors();
        List<Integer> threadCounts = threads != null ? threads : cores == 1 ? List.of(1) : List.of(1, cores);
        for (int t : threadCounts) if (t < 1) throw new IllegalArgumentException("--threads (" + t + ") must be >= 1");
        if (!(seconds > 0) || seconds > 3600) throw new IllegalArgumentException("--seconds (" + seconds + ") must be in (0, 3600]");

        PrintWriter out = command.commandLine().getOut();
        out.printf(Locale.ROOT, "anneal bench optim: kernels %s, %d cores available, %s s per workload and thread count, median of %d rounds%n",
                KernelImpl.best().describe(), cores, seconds, Throughput.ROUNDS);
        out.println("bandwidth = triad elements/s x 16 bytes (write-allocate counted); % of bound = parameters/s x bytes per parameter / bandwidth");
        out.println();
        out.println("| parameters | threads | triad GB/s | AdamW Mparam/s | AdamW GB/s | AdamW % of bound | SGD-momentum Mparam/s | SGD-momentum GB/s | SGD-momentum % of bound |");
        out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        out.flush();
        for (int n : counts) {
            List<Workload> workloads = new ArrayList<>();
            for (Kind kind : Kind.values()) workloads.add(new Workload(kind, n, KernelImpl.best()));
            for (int t : threadCounts) {
                double[] rate;
                try (Parallel parallel = new Parallel(t)) {
                    rate = Throughput.measure(workloads, parallel, seconds);
                }
                double bandwidth = rate[Kind.TRIAD.ordinal()] * Workload.TRIAD_BYTES_WRITE_ALLOCATE;
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %d | %.1f |", label(n), t, bandwidth / 1e9));
                for (Kind kind : List.of(Kind.ADAMW, Kind.SGD_MOMENTUM)) {
                    double bytes = rate[kind.ordinal()] * kind.bytes();
                    row.append(String.format(Locale.ROOT, " %.1f | %.1f | %.0f%% |", rate[kind.ordinal()] / 1e6, bytes / 1e9, 100 * bytes / bandwidth));
                }
                out.println(row);
                out.flush();
            }
        }
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
