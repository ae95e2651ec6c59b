package dev.anneal.cli;

import dev.anneal.djl.Step;
import dev.anneal.optim.grad.GradState;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/**
 * The per-step trace: {@code step,epoch,loss,accuracy,} then every applied hyperparameter, then the gradient
 * pipeline's loss scale, whether the step was applied, and its clipped, skipped and overflow counts (or any CSV whose first
 * column is the step, such as the controller's decisions). A resumed run keeps the rows before its first step and
 * appends its own.
 */
final class Trace implements AutoCloseable {
    private final Path file;
    private final BufferedWriter out;
    private boolean hasHeader;
    private int rows;

    /**
     * Opens {@code file}, keeping only the rows of steps before {@code firstStep} from an earlier run; a null file
     * is a trace that writes nothing (the run store has the steps).
     */
    Trace(Path file, long firstStep) {
        this.file = file;
        if (file == null) {
            out = null;
            return;
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            List<String> kept = firstStep > 0 && Files.isRegularFile(file)
                    ? Files.readAllLines(file).stream().filter(line -> line.startsWith("step,") || stepOf(line) < firstStep).toList()
                    : List.of();
            Files.write(file, kept);
            hasHeader = !kept.isEmpty();
            rows = Math.max(0, kept.size() - 1);
            out = Files.newBufferedWriter(file, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write trace " + file + ": " + e.getMessage(), e);
        }
    }

    private static long stepOf(String line) {
        int comma = line.indexOf(',');
        return comma < 0 ? Long.MAX_VALUE : Long.parseLong(line.substring(0, comma));
    }

    /** The gradient pipeline's columns: the step's loss scale and whether it was applied, then the counts so far. */
    private static final String GRADIENT_COLUMNS = "loss_scale,applied,clipped_steps,skipped_steps,half_overflows,half_underflows";

    void write(Step s) {
        if (out == null) return; // no file: nothing to format either, on every step
        StringBuilder line = new StringBuilder();
        line.append(s.step()).append(',').append(s.epoch()).append(',')
                .append(String.format(Locale.ROOT, "%.6g,%.6g", s.loss(), s.accuracy()));
        for (double v : s.hyperparameters().values()) line.append(',').append(v);
        String header = "step,epoch,loss,accuracy," + String.join(",", s.hyperparameters().keySet());
        if (s.gradients() != null) {
            GradState g = s.gradients();
            line.append(',').append(s.verdict().scale()).append(',').append(s.verdict().applies() ? 1 : 0).append(',').append(g.clippedSteps())
                    .append(',').append(g.skippedSteps()).append(',').append(g.halfOverflows()).append(',').append(g.halfUnderflows());
            header += "," + GRADIENT_COLUMNS;
        }
        write(header, line.toString());
    }

    /** Writes one row whose first column is its step, after {@code header} if the file has none yet. */
    void write(String header, String row) {
        if (out == null) return;
        try {
            if (!hasHeader) {
                out.write(header);
                out.newLine();
                hasHeader = true;
            }
            out.write(row);
            out.newLine();
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write trace " + file + ": " + e.getMessage(), e);
        }
    }

    int rows() {
        return rows;
    }

    @Override
    public void close() {
        if (out == null) return;
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write trace " + file + ": " + e.getMessage(), e);
        }
    }
}
