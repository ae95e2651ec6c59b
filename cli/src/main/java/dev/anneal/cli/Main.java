package dev.anneal.cli;

import dev.anneal.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;

import java.io.PrintWriter;

/**
 * The {@code anneal} command. Exit codes: 0 success, 1 internal failure, 2 usage or input error. Errors are one
 * message on stderr, never a stack trace (set ANNEAL_DEBUG=1 to see one for an internal failure).
 */
@Command(name = "anneal", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Learning-rate and hyperparameter schedules: evaluate, plot and inspect schedule specs.",
        subcommands = {EvalCommand.class, PlotCommand.class, FamiliesCommand.class, ConvertCommand.class,
                CheckCommand.class, TrainCommand.class, FindLrCommand.class, LabCommand.class, SweepCommand.class, RunsCommand.class, ServeCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static final int OK = 0, FAILURE = 1, USAGE = 2;
    /** Training stopped on a non-finite loss or gradient: neither a bug nor bad input, a run that diverged. */
    public static final int DIVERGED = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, false), err = new PrintWriter(System.err, true);
        int code = run(out, err, args);
        out.flush();
        System.exit(code);
    }

    /** Runs a command line, writing to the given streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main())
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExpandAtFiles(false) // --metrics @FILE is ours to read, not an argument file
                .setParameterExceptionHandler(usageError())
                .setExecutionExceptionHandler(failure());
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static IParameterExceptionHandler usageError() {
        return (e, args) -> {
            CommandLine cli = e.getCommandLine();
            cli.getErr().println("anneal: " + e.getMessage());
            cli.getErr().println("Try 'anneal " + (cli.getParent() == null ? "" : cli.getCommandName() + " ") + "--help'.");
            return USAGE;
        };
    }

    private static IExecutionExceptionHandler failure() {
        return (e, cli, parsed) -> {
            // Bad input is an IllegalArgumentException: core's InvalidInputException (name, value, rule, key path,
            // step, column) and the checks that state a rule in words. A store that cannot be opened or read is the
            // user's to fix (its URL, its server). Anything else is a bug.
            if (e instanceof IllegalArgumentException || e instanceof StoreException) {
                cli.getErr().println("anneal: " + e.getMessage());
                return USAGE;
            }
            cli.getErr().println("anneal: internal error: " + e);
            if (System.getenv("ANNEAL_DEBUG") != null) e.printStackTrace(cli.getErr());
            return FAILURE;
        };
    }
}
