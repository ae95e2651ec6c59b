package dev.anneal.cli;

import dev.anneal.bench.optim.BenchOptimCommand;
import dev.anneal.bench.train.BenchTrainCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code anneal bench optim|train}: dispatches to the benchmark named; the benchmarks live in bench-runtime (ADR 0013). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: 'optim' (optimizer kernels against memory bandwidth), 'train' (training throughput against plain PyTorch).",
        subcommands = {BenchOptimCommand.class, BenchTrainCommand.class})
final class BenchCommand implements Callable<Integer> {

    /** Only reached when the word after {@code bench} names no benchmark. */
    @Parameters(arity = "0..1", paramLabel = "optim|train", description = "The benchmark.")
    String target;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        throw new IllegalArgumentException("bench target (" + (target == null ? "none" : target) + ") must be optim or train; see anneal bench optim --help, anneal bench train --help");
    }
}
