package dev.anneal.cli;

import dev.anneal.store.RunStore;
import dev.anneal.web.Dashboard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code anneal serve [--store URL] [--port P] [--host H]}: the dashboard, until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the dashboard over the run store: runs, a run's curves, compare, the schedule playground, the lab.",
                "Listens on 127.0.0.1 unless --host names another address; it has no authentication."})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Option(names = "--port", defaultValue = "7070", paramLabel = "P", description = "Port (default: ${DEFAULT-VALUE}; 0: any free port).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "H",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only). Another one lets others read every run.")
    String host;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws InterruptedException {
        if (store.off) throw new IllegalArgumentException("--no-store: the dashboard shows the run store; give --store or none");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("--port (" + port + ") must be in [0, 65535]");
        PrintWriter out = command.commandLine().getOut(), err = command.commandLine().getErr();
        boolean local = Dashboard.isLoopback(host);
        if (!local) {
            err.println("anneal serve: warning: listening on " + host + ": anyone who can reach this address can read every run "
                    + "in the store (the dashboard has no authentication)");
            err.flush();
        }
        RunStore runs = store.open();
        Dashboard dashboard;
        try {
            dashboard = Dashboard.start(runs, host, port);
        } catch (RuntimeException e) {
            runs.close();
            throw new IllegalArgumentException("cannot listen on " + host + ":" + port + ": " + rootMessage(e));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dashboard.close();
            runs.close();
            stopped.countDown();
        }));
        out.println("anneal serve: " + dashboard.url() + " (store " + runs.location() + "); Ctrl-C stops it");
        out.flush();
        stopped.await();
        return Main.OK;
    }

    private static String rootMessage(Throwable e) {
        while (e.getCause() != null) e = e.getCause();
        return e.getMessage();
    }
}
