package dev.anneal.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code anneal runs}: the runs recorded in the store. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "List, show, compare, export and remove the runs that train, find-lr and lab recorded in the run store.",
        subcommands = {RunsListCommand.class, RunsShowCommand.class, RunsCompareCommand.class, RunsExportCommand.class,
                RunsRmCommand.class, CommandLine.HelpCommand.class})
final class RunsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
