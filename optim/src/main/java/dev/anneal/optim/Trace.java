package dev.anneal.optim;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hyperparameter values an optimizer applied: one row per step and group, in step order. A skipped step (a
 * non-finite gradient) has a row too, with {@code applied = false} and the values it would have used.
 */
public final class Trace {

    /** One group's values at one step, by hyperparameter name in the set's order (method defaults last). */
    public record Row(long step, String group, boolean applied, Map<String, Double> values) {
        public Row {
            values = Collections.unmodifiableMap(values);
        }

        public double value(String name) {
            Double v = values.get(name);
            if (v == null) throw new IllegalArgumentException("name (" + name + ") must be one of " + values.keySet());
            return v;
        }
    }

    private final List<Row> rows = new ArrayList<>();

    void add(Row row) {
        rows.add(row);
    }

    public List<Row> rows() {
        return Collections.unmodifiableList(rows);
    }

    /** CSV with header {@code step,group,applied,NAME…} (every name any group has; empty where a group lacks it). */
    public void writeCsv(Writer out) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        rows.forEach(r -> names.addAll(r.values().keySet()));
        out.write("step,group,applied");
        for (String n : names) out.write("," + n);
        out.write("\n");
        for (Row r : rows) {
            out.write(r.step() + "," + r.group() + "," + r.applied());
            for (String n : names) {
                Double v = r.values().get(n);
                out.write(v == null ? "," : "," + v);
            }
            out.write("\n");
        }
    }
}
