package dev.anneal.optim.grad;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The committed GradScaler table (format: tools/reference/torch_gradscaler_reference.py). */
record GradScalerTable(String name, String note, float initScale, double growthFactor, double backoffFactor,
                       int growthInterval, boolean fp16, float lr, float[] params, List<Row> rows) {

    record Row(int step, float[] grad, float scale, boolean skipped, float scaleAfter, int trackerAfter,
               float[] paramsAfter, long overflows, long underflows) {}

    static final String RESOURCE = "/reference/gradscaler/gradscaler.tsv";

    static List<GradScalerTable> load() {
        List<GradScalerTable> cases = new ArrayList<>();
        try (InputStream in = GradScalerTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " missing: run tools/reference/torch_gradscaler_reference.py");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String[] head = null, config = null;
            float[] params = null;
            List<Row> rows = new ArrayList<>();
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] f = line.split("\t");
                switch (f[0]) {
                    case "case" -> {
                        if (head != null) cases.add(build(head, config, params, rows));
                        head = f;
                        rows = new ArrayList<>();
                    }
                    case "config" -> config = f;
                    case "params" -> params = floats(String.join(" ", Arrays.copyOfRange(f, 1, f.length)));
                    default -> rows.add(new Row(Integer.parseInt(f[0]), floats(f[1]), Float.parseFloat(f[2]), f[3].equals("1"),
                            Float.parseFloat(f[4]), Integer.parseInt(f[5]), floats(f[6]), Long.parseLong(f[7]), Long.parseLong(f[8])));
                }
            }
            cases.add(build(head, config, params, rows));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    private static GradScalerTable build(String[] head, String[] c, float[] params, List<Row> rows) {
        return new GradScalerTable(head[1], head[2], Float.parseFloat(c[1]), Double.parseDouble(c[2]), Double.parseDouble(c[3]),
                Integer.parseInt(c[4]), c[5].equals("1"), Float.parseFloat(c[6]), params, rows);
    }

    /** Python's repr of floats: "inf", "-inf", "nan" or a decimal that is exact for the float32 value. */
    private static float[] floats(String spaced) {
        String[] parts = spaced.trim().split(" ");
        float[] out = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = switch (parts[i]) {
                case "inf" -> Float.POSITIVE_INFINITY;
                case "-inf" -> Float.NEGATIVE_INFINITY;
                case "nan" -> Float.NaN;
                default -> (float) Double.parseDouble(parts[i]);
            };
        }
        return out;
    }

    @Override
    public String toString() {
        return name + " (" + note + ")";
    }
}
