package dev.anneal.sweep;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.io.Serializable;

/**
 * The child JVM of {@link ProcessEngine}: reads {@link Job}s from standard input, runs each, and writes back its
 * {@link Outcome} or a {@link Failure}, until its input ends. Standard output carries only that exchange: whatever
 * the trials print goes to standard error.
 */
public final class Worker {
    private Worker() {}

    /** A trial that threw: its exception's class and message, to be raised again in the driver. */
    record Failure(String type, String message) implements Serializable {
        TrialFailed toException() {
            return new TrialFailed(type + ": " + message);
        }
    }

    /** A trial's exception, raised again in the driver: its message is the original's class and message. */
    public static final class TrialFailed extends RuntimeException {
        TrialFailed(String message) {
            super(message, null, false, false);
        }
    }

    public static void main(String[] args) throws IOException, ClassNotFoundException {
        // A driver killed with -9 closes no pipe in time: stop with it rather than train on for nobody.
        ProcessHandle.current().parent().ifPresent(driver -> driver.onExit().thenRun(() -> Runtime.getRuntime().halt(3)));
        ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        out.flush(); // the stream header, which the driver's ObjectInputStream waits for
        ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(System.in));
        while (true) {
            Job job;
            try {
                job = (Job) in.readObject();
            } catch (EOFException end) {
                return;
            }
            Object result;
            try {
                result = job.run();
            } catch (RuntimeException | Error e) {
                result = new Failure(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
            }
            out.writeObject(result);
            out.reset(); // no back-references to earlier outcomes: each answer stands alone
            out.flush();
        }
    }
}
