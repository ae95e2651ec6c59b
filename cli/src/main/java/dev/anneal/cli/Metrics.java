package dev.anneal.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code --metrics} option: {@code v1,v2,…} or {@code @FILE} with one value per line (blank lines skipped). Every
 * error quotes the option as given, and the offending item with its position.
 */
final class Metrics {
    private Metrics() {}

    /** Plain decimal numbers only: no Java suffixes (1f, 2d), hex (0x1p3), NaN or Infinity. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?");
    /** A metrics file is a list of losses, one a line: these bounds keep a wrong file (/dev/zero, a data set) from filling the heap. */
    static final int MAX_LINES = 10_000_000, MAX_LINE_LENGTH = 100;

    static double[] parse(String option) {
        boolean file = option.startsWith("@");
        List<String> items = file ? lines(option) : List.of(option.split(",", -1));
        String where = file ? "line" : "value";
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i).strip();
            if (item.isEmpty() && file) continue;
            double v;
            if (!DECIMAL.matcher(item).matches()) {
                throw error(option, where + " " + (i + 1) + " ('" + item + "') must be a decimal number such as 0.25 or 1e-3");
            }
            v = Double.parseDouble(item);
            // A NaN or infinite metric would silently freeze the scheduler's best value.
            if (!Double.isFinite(v)) throw error(option, where + " " + (i + 1) + " (" + item + ") must be a finite number");
            values.add(v);
        }
        if (values.isEmpty()) throw error(option, "must give at least one value");
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static List<String> lines(String option) {
        Path file = Path.of(option.substring(1));
        List<String> lines = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file)) {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); ; c = in.read()) {
                if (c == '\n' || c == -1) {
                    if (lines.size() == MAX_LINES) throw error(option, "has more than " + MAX_LINES + " lines (the limit)");
                    lines.add(line.toString());
                    line.setLength(0);
                    if (c == -1) return lines;
                } else if (line.length() == MAX_LINE_LENGTH) {
                    throw error(option, "line " + (lines.size() + 1) + " is longer than " + MAX_LINE_LENGTH + " characters (the limit)");
                } else {
                    line.append((char) c);
                }
            }
        } catch (IOException e) {
            throw error(option, "cannot read " + file + " (" + OutputFiles.reason(e) + ")");
        }
    }

    private static IllegalArgumentException error(String option, String rule) {
        return new IllegalArgumentException("--metrics (" + option + ")" + (rule.startsWith("must") ? " " : ": ") + rule);
    }
}
