package dev.anneal.optim;

import dev.anneal.optimizer.Method;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Trajectories of real PyTorch 1.13 optimizers (tools/reference/torch_optim_reference.py): the same noisy quadratic,
 * the same lr schedule through torch's LambdaLR, and for one case a momentum schedule; every table row is matched.
 */
class TorchReferenceTest {
    private static final int[] SIZES = {200, 100};

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            sgd                   | sgd      | 0.0 | 0.0 | 0.0
            sgd_momentum          | sgd      | 0.9 | 0.1 | 0.0
            sgd_momentum_schedule | sgd      | -   | 0.0 | 0.01
            nesterov              | nesterov | 0.9 | 0.0 | 0.001
            adam                  | adam     | -   | -   | 0.0
            adam_weight_decay     | adam     | -   | -   | 0.01
            adamw                 | adamw    | -   | -   | 0.1
            """)
    void trajectory_matchesPyTorch(String name, String method, String momentum, String dampening, double weightDecay) throws IOException {
        Table table = Table.read("/reference/optim-" + name + ".tsv");
        ScheduleSet set = ScheduleSet.builder().defaults(d -> {
            d.set("lr", table.specs.get("lr")).set("weight_decay", weightDecay);
            if (table.specs.containsKey("momentum")) d.set("momentum", table.specs.get("momentum"));
            else if (!momentum.equals("-")) d.set("momentum", Double.parseDouble(momentum));
            if (!dampening.equals("-")) d.set("dampening", Double.parseDouble(dampening));
        }).build();
        float[][] p = Problem.initial(SIZES);
        float[][] c = Problem.curvature(SIZES);
        Optimizer opt = Optimizer.builder(methodNamed(method), set).group("default", p).build();
        for (int step = 0; step < 50; step++) {
            opt.step(Problem.gradients(p, c, step));
            double[] row = table.rows.get(step);
            if (row == null) continue;
            Trace.Row applied = opt.trace().rows().get(step);
            assertThat(applied.value("lr")).as("lr at step %d", step).isCloseTo(row[0], within(1e-15));
            if (!Double.isNaN(row[1])) assertThat(applied.value("momentum")).as("momentum at step %d", step).isCloseTo(row[1], within(1e-15));
            float[] flat = Problem.flatten(p);
            for (int i = 0; i < flat.length; i++) {
                float expected = (float) row[2 + i];
                assertThat(flat[i]).as("%s: p%d after step %d", name, i, step)
                        .isCloseTo(expected, within(1e-7f + 1e-6f * Math.abs(expected)));
            }
        }

    }

    private static Method methodNamed(String name) {
        return switch (name) {
            case "sgd" -> Method.SGD;
            case "nesterov" -> Method.NESTEROV;
            case "adam" -> Method.ADAM;
            case "adamw" -> Method.ADAMW;
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** A reference table: the specs it names and, by step, lr, momentum (NaN for '-') and the parameters. */
    private record Table(Map<String, String> specs, Map<Integer, double[]> rows) {
        static Table read(String resource) throws IOException {
            Map<String, String> specs = new HashMap<>();
            Map<Integer, double[]> rows = new HashMap<>();
            try (InputStream in = TorchReferenceTest.class.getResourceAsStream(resource)) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String[] f = line.split("\t");
                    if (line.startsWith("#") || f[0].equals("columns") || f[0].equals("optimizer")) continue;
                    if (f[0].equals("lr") || f[0].equals("momentum")) {
                        specs.put(f[0], f[1]);
                        continue;
                    }
                    double[] values = new double[f.length - 1];
                    for (int i = 1; i < f.length; i++) values[i - 1] = f[i].equals("-") ? Double.NaN : Double.parseDouble(f[i]);
                    rows.put(Integer.parseInt(f[0]), values);
                }
            }
            return new Table(specs, rows);
        }
    }
}
