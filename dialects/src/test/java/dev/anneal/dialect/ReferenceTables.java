package dev.anneal.dialect;

import dev.anneal.spec.Spec;
import dev.anneal.spec.SpecException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reads the reference tables under {@code src/test/resources/reference/DIALECT/}, written by
 * {@code tools/reference/DIALECT_reference.py}: cases (a spec and the framework's value at each listed step) and
 * errors (a spec the framework rejects). Also the assertion the dialect tests share for rejected specs.
 */
public final class ReferenceTables {
    private ReferenceTables() {}

    /** Relative tolerance of every comparison with a table. */
    public static final double TOLERANCE = 1e-9;

    public record Case(String file, String spec, String note, long[] steps, double[] values) {
        @Override
        public String toString() {
            return file + ": " + spec;
        }
    }

    public record Error(String file, String spec, String message) {}

    public record Table(String file, List<Case> cases, List<Error> errors) {}

    public static List<Table> read(String dialect) {
        return files(dialect).stream().map(ReferenceTables::table).toList();
    }

    /** The table files of a dialect, reference/DIALECT/*.tsv on the class path, by name. */
    public static List<Path> files(String dialect) {
        URL url = ReferenceTables.class.getClassLoader().getResource("reference/" + dialect);
        if (url == null) throw new IllegalStateException("no reference tables for " + dialect + " on the class path");
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.filter(p -> p.toString().endsWith(".tsv")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Table table(Path path) {
        String file = path.getFileName().toString();
        List<Case> cases = new ArrayList<>();
        List<Error> errors = new ArrayList<>();
        String spec = null, note = null;
        List<Long> steps = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (String[] cells : rows(path)) {
            switch (cells[0]) {
                case "case" -> {
                    if (spec != null) cases.add(build(file, spec, note, steps, values));
                    spec = cells[1];
                    note = null;
                    steps.clear();
                    values.clear();
                }
                case "note" -> note = cells[1];
                case "error" -> errors.add(new Error(file, cells[1], cells.length > 2 ? cells[2] : ""));
                default -> {
                    steps.add(Long.parseLong(cells[0]));
                    values.add(Double.parseDouble(cells[1]));
                }
            }
        }
        if (spec != null) cases.add(build(file, spec, note, steps, values));
        return new Table(file, cases, errors);
    }

    /** The lines of a table file split at tabs, blank lines and {@code #} comments left out. */
    public static List<String[]> rows(Path path) {
        try {
            return Files.readAllLines(path).stream().filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Case build(String file, String spec, String note, List<Long> steps, List<Double> values) {
        if (steps.isEmpty()) throw new IllegalStateException(file + ": case " + spec + " has no values");
        return new Case(file, spec, note, steps.stream().mapToLong(Long::longValue).toArray(),
                values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The spec is rejected with exactly this reason, the caret at the first occurrence of {@code at}. */
    public static void assertRejected(String spec, String reason, String at) {
        assertThatThrownBy(() -> Spec.parse(spec)).isInstanceOfSatisfying(SpecException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.column()).isEqualTo(spec.indexOf(at) + 1);
        });
    }

    /** |actual − expected| ≤ TOLERANCE·|expected| (an expected 0 must be met exactly). */
    public static boolean agrees(double expected, double actual) {
        return Math.abs(actual - expected) <= TOLERANCE * Math.abs(expected);
    }
}
