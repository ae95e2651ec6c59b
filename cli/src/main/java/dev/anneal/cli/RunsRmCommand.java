package dev.anneal.cli;

import dev.anneal.store.Run;
import dev.anneal.store.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code anneal runs rm ID…}: removes runs; none when any id names no run. */
@Command(name = "rm", mixinStandardHelpOptions = true,
        description = "Remove runs and everything recorded for them (their artifacts' files stay). Removes nothing if an ID names no run.")
final class RunsRmCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "ID", description = "Runs to remove (ids or unique starts of ids).")
    List<String> ids;

    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        try (RunStore s = store.open()) {
            List<Run> runs = new ArrayList<>();
            for (String id : ids) runs.add(s.get(id)); // every id resolves before anything is removed
            for (Run r : runs) {
                if (s.delete(r.id())) out.printf("removed %s (%s)%n", r.id(), r.name());
            }
        }
        out.flush();
        return Main.OK;
    }
}
