package dev.anneal.cli;

import dev.anneal.bench.optim.BenchOptimCommand;
import dev.anneal.bench.train.BenchTrainCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code anneal bench optim|train|store|serve|sweep}: dispatches to the benchmark named; optim and train live in bench-runtime (ADR 0017). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: 'optim' (optimizer kernels against memory bandwidth), 'train' (training throughput against plain PyTorch), "
                + "'store' (run store rows/s against plain JDBC, and recording's cost to training), 'serve' (the dashboard's open times and latency under load), "
                + "'sweep' (the sweep engines' overhead per trial and scaling).",
        subcommands = {BenchOptimCommand.class, BenchTrainCommand.class, BenchStoreCommand.class, BenchServeCommand.class, BenchSweepCommand.class})
final class BenchCommand implements Callable<Integer> {

    /** Only reached when the word after {@code bench} names no benchmark. */
    @Parameters(arity = "0..1", paramLabel = "optim|train|store|serve|sweep", description = "The benchmark.")
    String target;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        // the benchmarks are the subcommands: the message lists them, so a new one needs no edit here
        List<String> names = List.copyOf(command.subcommands().keySet());
        String choices = String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
        throw new IllegalArgumentException("bench target (" + (target == null ? "none" : target) + ") must be " + choices
                + "; see anneal bench TARGET --help");
    }
}
