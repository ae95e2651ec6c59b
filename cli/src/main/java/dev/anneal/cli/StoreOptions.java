package dev.anneal.cli;

import dev.anneal.store.NewRun;
import dev.anneal.store.RunStore;
import dev.anneal.store.StoreLocation;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/** {@code --store} and {@code --no-store}: where a command records its run, or that it records none. */
final class StoreOptions {
    @Option(names = "--store", paramLabel = "URL|FILE",
            description = "Run store: a JDBC URL (jdbc:postgresql://…, jdbc:sqlite:…) or an SQLite file "
                    + "(default: $ANNEAL_STORE, else $XDG_DATA_HOME/anneal/runs.db, else ~/.local/share/anneal/runs.db).")
    String location;

    @Option(names = "--no-store", description = "Record nothing in the run store.")
    boolean off;

    /** Opens the store (creating it on first use). */
    RunStore open() {
        return RunStore.open(StoreLocation.resolve(location));
    }

    /** Starts recording {@code run} and prints {@code run: ID}; a recording of nothing with --no-store. */
    Recording start(NewRun run, PrintWriter out) {
        if (off) return Recording.NONE;
        RunStore store = open();
        Recording r = new Recording(store, store.start(run.withCodeVersion(Version.number())));
        out.println("run: " + r.id());
        out.flush();
        return r;
    }
}
