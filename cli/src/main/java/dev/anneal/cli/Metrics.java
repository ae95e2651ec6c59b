package dev.anneal.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The {@code --metrics} option: {@code v1,v2,…} or {@code @FILE} with one value per line. */
final class Metrics {
    private Metrics() {}

    static double[] parse(String option) {
        List<String> items = new ArrayList<>();
        String where;
        if (option.startsWith("@")) {
            Path file = Path.of(option.substring(1));
            try {
                for (String line : Files.readAllLines(file)) items.add(line.strip());
            } catch (IOException e) {
                throw new IllegalArgumentException("--metrics (" + option + "): cannot read " + file + ": " + e.getMessage());
            }
            where = "line";
        } else {
            for (String item : option.split(",", -1)) items.add(item.strip());
            where = "value";
        }
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i);
            if (item.isEmpty() && where.equals("line")) continue;
            double v;
            try {
                v = Double.parseDouble(item);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--metrics: " + where + " " + (i + 1) + " ('" + item + "') must be a number");
            }
            if (Double.isNaN(v)) throw new IllegalArgumentException("--metrics: " + where + " " + (i + 1) + " (NaN) must be a number");
            values.add(v);
        }
        if (values.isEmpty()) throw new IllegalArgumentException("--metrics (" + option + ") must give at least one value");
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
