package dev.anneal.dialect.torch;

import dev.anneal.dialect.ReferenceTables;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the reference tables under {@code src/test/resources/reference/torch/}, written from real PyTorch by
 * {@code tools/reference/torch_reference.py} (the format is described there). No Python runs at test time.
 */
final class TorchTables {
    private TorchTables() {}

    /** Relative tolerance of every comparison with PyTorch. */
    static final double TOLERANCE = 1e-9;

    /**
     * One configuration: the spec, PyTorch's rows (momentum and metric where the table has them, else null), and the
     * step at which PyTorch raised (-1: it did not).
     */
    record Case(String file, String spec, String note, long[] steps, double[] lr, double[] momentum, double[] metrics,
                long raisesAt, String raised) {
        @Override
        public String toString() {
            return spec;
        }
    }

    /** A configuration PyTorch rejects, where ('construction' or 'step K') and with what. */
    record Rejected(String file, String spec, String where, String message) {
        @Override
        public String toString() {
            return spec;
        }
    }

    static List<Case> cases() {
        List<Case> all = new ArrayList<>();
        for (Path p : ReferenceTables.files("torch")) all.addAll(read(p).cases);
        return all;
    }

    static List<Rejected> rejected() {
        List<Rejected> all = new ArrayList<>();
        for (Path p : ReferenceTables.files("torch")) all.addAll(read(p).rejected);
        return all;
    }

    private record Table(List<Case> cases, List<Rejected> rejected) {}

    private static Table read(Path path) {
        String file = path.getFileName().toString();
        List<Case> cases = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        Builder b = null;
        for (String[] cells : ReferenceTables.rows(path)) {
            switch (cells[0]) {
                case "case" -> {
                    if (b != null) cases.add(b.build());
                    b = new Builder(file, cells[1]);
                }
                case "note" -> b.note = cells[1];
                case "columns" -> b.columns = Arrays.asList(cells).subList(1, cells.length);
                case "raises" -> {
                    b.raisesAt = Long.parseLong(cells[1]);
                    b.raised = cells[2];
                }
                case "error" -> rejected.add(new Rejected(file, cells[1], cells[2], cells[3]));
                default -> b.row(cells);
            }
        }
        if (b != null) cases.add(b.build());
        return new Table(cases, rejected);
    }

    private static final class Builder {
        final String file, spec;
        String note, raised;
        long raisesAt = -1;
        List<String> columns = List.of("step", "lr");
        final List<String[]> rows = new ArrayList<>();

        Builder(String file, String spec) {
            this.file = file;
            this.spec = spec;
        }

        void row(String[] cells) {
            if (cells.length != columns.size()) throw new IllegalStateException(file + ": " + spec + ": row " + String.join(" ", cells)
                    + " does not match the columns " + columns);
            rows.add(cells);
        }

        Case build() {
            if (rows.isEmpty()) throw new IllegalStateException(file + ": case " + spec + " has no rows");
            return new Case(file, spec, note, rows.stream().mapToLong(r -> Long.parseLong(r[0])).toArray(), column("lr"),
                    column("momentum"), column("metric"), raisesAt, raised);
        }

        private double[] column(String name) {
            int i = columns.indexOf(name);
            if (i < 0) return null;
            return rows.stream().mapToDouble(r -> python(r[i])).toArray();
        }

        /** repr(float): Java reads it, but for Python's spellings of NaN and the infinities ('-' is no metric). */
        private static double python(String cell) {
            return switch (cell) {
                case "-", "nan" -> Double.NaN;
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(cell);
            };
        }
    }

    /**
     * |actual − expected| ≤ 1e-9·max(|actual|, |expected|): relative, so an expected 0 must be met exactly (and a
     * −2.2e-19 that PyTorch's recursion leaves where the closed form gives 0 must be reproduced, not excused). No
     * absolute floor is needed: no table value lies in the subnormal range, where separately rounded products could
     * differ by more than 1e-9 relative.
     */
    static boolean agrees(double expected, double actual) {
        if (Double.compare(expected, actual) == 0) return true;
        return Math.abs(actual - expected) <= TOLERANCE * Math.max(Math.abs(actual), Math.abs(expected));
    }

    static String mismatch(Case c, String what, long step, double expected, double actual) {
        return c.file() + ": " + c.spec() + ": " + what + " at step " + step + ": PyTorch " + expected + ", anneal " + actual
                + " (relative difference " + Math.abs(actual - expected) / Math.max(Math.abs(actual), Math.abs(expected)) + ")";
    }
}
