package dev.anneal.bench.train;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain-PyTorch arm of {@code anneal bench train}: {@code torch_train.py}, shipped in the jar, written to a
 * temporary file and run by a Python with torch (Debian's python3-torch) as a subprocess, one run per call.
 */
final class TorchArm implements AutoCloseable {
    static final Path DEBIAN_PYTHON = Path.of("/usr/bin/python3");
    static final String INSTALL = "install Debian's python3-torch and python3-numpy (apt-get install python3-torch python3-numpy)";
    private static final String SCRIPT = "torch_train.py";
    private static final String PROBE = "import re, numpy, torch; print(torch.__version__); "
            + "m = re.search(r'BLAS_INFO=([^,\\s]+)', torch.__config__.show()); print(m.group(1) if m else 'unknown')";
    private static final Pattern RATE = Pattern.compile("(?m)^trained \\d+ epochs in [0-9.]+ s \\(([0-9.]+) images/s\\)$");
    private static final Pattern PER_BATCH = Pattern.compile("(?m)^per mini-batch: ([0-9.]+) ms forward and backward, ([0-9.]+) ms optimizer$");
    private static final Pattern ACCURACY = Pattern.compile("(?m)^test accuracy ([0-9.]+)$");

    private final Path python, script;
    private final String version, blas;

    private TorchArm(Path python, Path script, String version, String blas) {
        this.python = python;
        this.script = script;
        this.version = version;
        this.blas = blas;
    }

    /** Checks that {@code python} runs and imports torch and numpy (else an error naming the package, exit 2), then writes the script. */
    static TorchArm start(Path python) {
        if (!Files.isExecutable(python)) {
            throw new IllegalArgumentException("--python (" + python + ") is not an executable file: the PyTorch baseline needs it; " + INSTALL);
        }
        Result probe = execute(List.of(python.toString(), "-c", PROBE));
        String[] lines = probe.out().strip().split("\\R");
        if (probe.code() != 0 || lines.length != 2) {
            throw new IllegalArgumentException("--python (" + python + ") cannot import torch and numpy (" + lastLine(probe.err())
                    + "): the PyTorch baseline needs them; " + INSTALL);
        }
        try (InputStream in = TorchArm.class.getResourceAsStream(SCRIPT)) {
            if (in == null) throw new IllegalStateException(SCRIPT + " is missing from the jar");
            Path file = Files.createTempFile("anneal-torch_train-", ".py");
            file.toFile().deleteOnExit();
            Files.write(file, in.readAllBytes());
            return new TorchArm(python, file, lines[0].strip(), lines[1].strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + SCRIPT + " to a temporary file: " + e.getMessage(), e);
        }
    }

    /** E.g. {@code /usr/bin/python3 torch_train.py (torch 1.13.0a0, BLAS generic)}. */
    String describe() {
        return python + " " + SCRIPT + " (torch " + version + ", BLAS " + blas + ")";
    }

    /** One training run of {@code model} with torch.optim.Adam at lr {@code lr}; the script's figures. */
    TrainRun run(String model, int epochs, int limit, int testLimit, int batch, int threads, long seed, double lr, Path data) {
        List<String> command = List.of(python.toString(), script.toString(), "--model", model, "--epochs", Integer.toString(epochs),
                "--limit", Integer.toString(limit), "--test-limit", Integer.toString(testLimit), "--batch", Integer.toString(batch),
                "--threads", Integer.toString(threads), "--seed", Long.toString(seed), "--lr", Double.toString(lr), "--data", data.toString());
        Result r = execute(command);
        if (r.code() != 0) throw new IllegalStateException(SCRIPT + " failed with exit code " + r.code() + ": " + lastLine(r.err()));
        return parse(r.out());
    }

    /** The figures of the script's output: its 'trained …', 'per mini-batch: …' and 'test accuracy …' lines. */
    static TrainRun parse(String output) {
        Matcher rate = find(RATE, output, "trained N epochs in S s (R images/s)");
        Matcher perBatch = find(PER_BATCH, output, "per mini-batch: F ms forward and backward, O ms optimizer");
        Matcher accuracy = find(ACCURACY, output, "test accuracy A");
        return new TrainRun(Double.parseDouble(rate.group(1)), Double.parseDouble(perBatch.group(1)),
                Double.parseDouble(perBatch.group(2)), Double.parseDouble(accuracy.group(1)));
    }

    private static Matcher find(Pattern pattern, String output, String expected) {
        Matcher m = pattern.matcher(output);
        if (!m.find()) throw new IllegalStateException(SCRIPT + " printed no line '" + expected + "'; its output was:\n" + output);
        return m;
    }

    private static String lastLine(String text) {
        List<String> lines = text.strip().lines().toList();
        return lines.isEmpty() ? "no message" : lines.getLast();
    }

    private record Result(int code, String out, String err) {}

    /** Runs a command to its end, reading stdout and stderr concurrently (either may fill its pipe). */
    private static Result execute(List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot run " + command.getFirst() + " (" + e.getMessage() + "); " + INSTALL);
        }
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> out = readers.submit(() -> new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            Future<String> err = readers.submit(() -> new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            return new Result(process.waitFor(), out.get(), err.get());
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.getFirst(), e);
        } catch (ExecutionException e) {
            throw new UncheckedIOException("cannot read the output of " + command.getFirst(), new IOException(e.getCause()));
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(script);
        } catch (IOException e) {
            // the file is also marked delete-on-exit
        }
    }
}
