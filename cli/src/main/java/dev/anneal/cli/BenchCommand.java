package dev.anneal.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code anneal bench optim|train|store|sweep}: dispatches to the benchmark named. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: 'optim' (optimizer kernels against memory bandwidth), 'train' (training throughput against plain PyTorch), "
                + "'store' (run store rows/s against plain JDBC, and recording's cost to training), "
                + "'sweep' (the sweep engines' overhead per trial and scaling).",
        subcommands = {BenchOptimCommand.class, BenchTrainCommand.class, BenchStoreCommand.class, BenchSweepCommand.class})
final class BenchCommand implements Callable<Integer> {

    /** Only reached when the word after {@code bench} names no benchmark. */
    @Parameters(arity = "0..1", paramLabel = "optim|train|store|sweep", description = "The benchmark.")
    String target;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        throw new IllegalArgumentException("bench target (" + (target == null ? "none" : target) + ") must be optim, train, store or sweep; see anneal bench optim --help, anneal bench train --help, anneal bench store --help, anneal bench sweep --help");
    }
}
