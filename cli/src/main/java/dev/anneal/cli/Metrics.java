package dev.anneal.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code --metrics} option: {@code v1,v2,…} or {@code @FILE} with one value per line (blank lines skipped). Every
 * error quotes the option as given, and the offending item with its position.
 */
final class Metrics {
    private Metrics() {}

    static double[] parse(String option) {
        boolean file = option.startsWith("@");
        List<String> items = file ? lines(option) : List.of(option.split(",", -1));
        String where = file ? "line" : "value";
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i).strip();
            if (item.isEmpty() && file) continue;
            double v;
            try {
                v = Double.parseDouble(item);
            } catch (NumberFormatException e) {
                throw error(option, where + " " + (i + 1) + " ('" + item + "') must be a number");
            }
            // A NaN or infinite metric would silently freeze the scheduler's best value.
            if (!Double.isFinite(v)) throw error(option, where + " " + (i + 1) + " (" + item + ") must be a finite number");
            values.add(v);
        }
        if (values.isEmpty()) throw error(option, "must give at least one value");
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static List<String> lines(String option) {
        Path file = Path.of(option.substring(1));
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw error(option, "cannot read " + file + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    private static IllegalArgumentException error(String option, String rule) {
        return new IllegalArgumentException("--metrics (" + option + ")" + (rule.startsWith("must") ? " " : ": ") + rule);
    }
}
