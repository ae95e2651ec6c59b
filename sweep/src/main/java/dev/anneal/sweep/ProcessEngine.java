package dev.anneal.sweep;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;

/**
 * Trials in {@code workers} child JVMs ({@link Worker}), one trial at a time in each. Fashion-MNIST trials run in
 * parallel here, which threads of one JVM cannot do (DJL's PyTorch engine allows one gradient collector per
 * process), and a trial that kills its JVM (a native crash, the OOM killer) costs only its worker: the trial fails,
 * the driver retries it, and a new worker takes its place. Each worker starts at its first trial, with this JVM's
 * java, class path and flags, and serves trial after trial.
 */
public final class ProcessEngine implements Engine {
    private final int workers;
    private final ExecutorService pool;
    private final ThreadLocal<Child> own = new ThreadLocal<>(); // each pool thread talks to its own worker
    private final List<Child> children = new CopyOnWriteArrayList<>();

    public ProcessEngine(int workers) {
        if (workers < 1) throw new IllegalArgumentException("workers (" + workers + ") must be >= 1");
        this.workers = workers;
        this.pool = LocalEngine.daemons(workers, "sweep-process-driver");
    }

    @Override
    public int workers() {
        return workers;
    }

    @Override
    public CompletableFuture<Outcome> submit(Job job) {
        return CompletableFuture.supplyAsync(() -> run(job), pool);
    }

    private Outcome run(Job job) {
        Child child = own.get();
        try {
            if (child == null) {
                child = Child.start();
                children.add(child);
                own.set(child);
            }
            return child.run(job);
        } catch (IOException e) {
            if (child != null) {
                own.remove();
                children.remove(child);
                child.close();
            }
            throw new UncheckedIOException("the worker process " + (child == null ? "did not start" : "died") + " during trial "
                    + job.id() + (child == null ? "" : child.lastWords()), e);
        }
    }

    /** The worker processes started so far and not yet replaced. */
    List<ProcessHandle> processes() {
        return children.stream().map(c -> c.process().toHandle()).toList();
    }

    @Override
    public String describe() {
        return "processes, " + workers + (workers == 1 ? " worker" : " workers");
    }

    @Override
    public void close() {
        pool.shutdownNow();
        children.forEach(Child::close);
        children.clear();
    }

    /** One worker JVM and the two ends of its exchange; what it prints goes to a log, quoted when it dies. */
    private record Child(Process process, ObjectOutputStream out, ObjectInputStream in, Path log) implements AutoCloseable {

        static Child start() throws IOException {
            Path log = Files.createTempFile("anneal-worker-", ".log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                if (!flag.startsWith("-agentlib") && !flag.startsWith("-javaagent") && !flag.startsWith("-Xrunjdwp")) command.add(flag);
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), Worker.class.getName()));
            Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
            try {
                ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(process.getOutputStream()));
                out.flush();
                return new Child(process, out, new ObjectInputStream(new BufferedInputStream(process.getInputStream())), log);
            } catch (IOException e) {
                process.destroyForcibly();
                throw new IOException("the worker process did not start: " + tail(log), e);
            }
        }

        Outcome run(Job job) throws IOException {
            out.writeObject(job);
            out.reset();
            out.flush();
            Object answer;
            try {
                answer = in.readObject();
            } catch (ClassNotFoundException e) {
                throw new IOException(e);
            }
            if (answer instanceof Worker.Failure f) throw f.toException();
            return (Outcome) answer;
        }

        /** Its exit code and the end of its log, for the message that reports its death. */
        String lastWords() {
            try {
                boolean ended = process.waitFor(2, java.util.concurrent.TimeUnit.SECONDS);
                return (ended ? " (exit code " + process.exitValue() + ")" : "") + tail(log);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "";
            }
        }

        private static String tail(Path log) {
            try {
                List<String> lines = Files.readAllLines(log);
                return lines.isEmpty() ? "" : ": " + String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
            } catch (IOException e) {
                return "";
            }
        }

        @Override
        public void close() {
            process.destroyForcibly();
            try {
                Files.deleteIfExists(log);
            } catch (IOException ignored) {
                // a temporary file left behind is harmless
            }
        }
    }
}
