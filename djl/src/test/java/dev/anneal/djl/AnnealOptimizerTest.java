package dev.anneal.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Spec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link AnnealOptimizer} against trajectories of real PyTorch (tools/reference/djl_optimizer_reference.py):
 * scheduled lr, momentum, β1, β2, eps and weight decay, clipping by global norm, and accumulation.
 */
class AnnealOptimizerTest {
    /** float32 arithmetic, in a different order than PyTorch's fused kernels in places: a few ulps per step. */
    private static final double TOLERANCE = 2e-6;

    record Case(String name, Rule rule, double clip, int accumulate, Map<Hyper, Schedule> schedules,
                float[] w0, List<float[]> a, float[] b, List<float[]> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void engine() {
        Engines.pytorch(1, 0);
    }

    static List<Case> reference() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = AnnealOptimizerTest.class.getResourceAsStream("/reference/djl/optimizer.tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            String[] head = null;
            Map<Hyper, Schedule> schedules = null;
            float[] w0 = null, b = null;
            List<float[]> a = null, steps = null;
            for (String line : lines) {
                if (line.startsWith("#")) continue;
                String[] f = line.split("\t");
                switch (f[0]) {
                    case "case" -> {
                        if (head != null) cases.add(build(head, schedules, w0, a, b, steps));
                        head = f;
                        schedules = new EnumMap<>(Hyper.class);
                        a = new ArrayList<>();
                        steps = new ArrayList<>();
                    }
                    case "schedule" -> schedules.put(Hyper.of(f[1]), Spec.parse(f[2]));
                    case "w0" -> w0 = floats(f[1]);
                    case "a" -> a.add(floats(f[1]));
                    case "b" -> b = floats(f[1]);
                    case "step" -> steps.add(floats(f[2]));
                    default -> throw new IllegalStateException("unknown line " + line);
                }
            }
            cases.add(build(head, schedules, w0, a, b, steps));
        }
        return cases;
    }

    private static Case build(String[] head, Map<Hyper, Schedule> schedules, float[] w0, List<float[]> a, float[] b, List<float[]> steps) {
        return new Case(head[1], Rule.valueOf(head[2].toUpperCase(Locale.ROOT)), Double.parseDouble(head[3]),
                Integer.parseInt(head[4]), schedules, w0, a, b, steps);
    }

    private static float[] floats(String csv) {
        String[] parts = csv.split(",");
        float[] out = new float[parts.length];
        for (int i = 0; i < parts.length; i++) out[i] = Float.parseFloat(parts[i]);
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reference")
    void step_matchesPyTorch(Case c) {
        AnnealOptimizer.Builder builder = AnnealOptimizer.builder(c.rule()).schedules(c.schedules()).accumulate(c.accumulate());
        if (c.clip() > 0) builder.clipNorm(c.clip());
        AnnealOptimizer optimizer = builder.build();
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter w = parameter(manager, c.w0());
            for (int t = 0; t < c.expected().size(); t++) {
                for (int micro = 0; micro < c.accumulate(); micro++) {
                    backward(w, manager.create(c.a().get(micro)), manager.create(c.b()));
                    boolean applied = optimizer.step(List.of(w));
                    assertThat(applied).as("step %d micro-batch %d", t, micro).isEqualTo(micro == c.accumulate() - 1);
                }
                assertThat(optimizer.step()).isEqualTo(t + 1);
                float[] actual = w.getArray().toFloatArray();
                for (int i = 0; i < actual.length; i++) {
                    assertThat((double) actual[i]).as("%s step %d w[%d]", c.name(), t, i)
                            .isCloseTo(c.expected().get(t)[i], within(TOLERANCE * Math.max(1, Math.abs(c.expected().get(t)[i]))));
                }
            }
        }
    }

    @Test
    void update_djlPath_readsEachParameterCount() {
        // DJL's Trainer calls update(id, weight, grad): the schedules are read at that parameter's own update count
        Schedule lr = Spec.parse("linear(0.4, 0.1, 3)");
        AnnealOptimizer sgd = AnnealOptimizer.builder(Rule.SGD).schedules(Map.of(Hyper.LR, lr)).build();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray w = manager.create(new float[] {1f});
            double expected = 1;
            for (int t = 0; t < 5; t++) {
                sgd.update("w", w, manager.create(new float[] {2f}));
                expected -= (float) lr.at(t) * 2.0;
                assertThat((double) w.getFloat()).as("update %d", t).isCloseTo(expected, within(1e-6));
            }
        }
    }

    @Test
    void step_clipping_reportsNormBeforeClipping() {
        AnnealOptimizer sgd = AnnealOptimizer.builder(Rule.SGD).schedules(Map.of(Hyper.LR, Schedule.constant(0.1))).clipNorm(1).build();
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter w = parameter(manager, new float[] {0f, 0f});
            backward(w, manager.create(new float[] {3f, 4f}), manager.create(new float[] {0f, 0f})); // gradient (3, 4), norm 5
            sgd.step(List.of(w));
            assertThat(sgd.lastGradNorm()).isCloseTo(5.0, within(1e-6));
            // clipped to norm 1: (0.6, 0.8), times lr 0.1
            assertThat(w.getArray().toFloatArray()).containsExactly(new float[] {-0.06f, -0.08f}, org.assertj.core.data.Offset.offset(1e-6f));
        }
    }

    @Test
    void scaleLearningRate_multipliesEveryGroupsLr_andNormIsMeasuredWithoutClipping() {
        AnnealOptimizer sgd = AnnealOptimizer.builder(Rule.SGD).schedules(Map.of(Hyper.LR, Schedule.constant(0.1))).measureGradNorm().build();
        sgd.scaleLearningRate(0.25);
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter w = parameter(manager, new float[] {0f, 0f});
            backward(w, manager.create(new float[] {3f, 4f}), manager.create(new float[] {0f, 0f}));
            sgd.step(List.of(w));
            assertThat(sgd.lastGradNorm()).isCloseTo(5.0, within(1e-6));
            // not clipped; lr 0.1 × 0.25 = 0.025
            assertThat(w.getArray().toFloatArray()).containsExactly(new float[] {-0.075f, -0.1f}, org.assertj.core.data.Offset.offset(1e-6f));
            assertThat(sgd.hyperparameters(1)).containsEntry("lr", 0.025);
        }
        assertThatThrownBy(() -> sgd.scaleLearningRate(Double.NaN)).hasMessage("lr factor (NaN) must be >= 0 and finite");
    }

    @Test
    void step_scheduledValueOutOfRange_rejectedWithStep() {
        AnnealOptimizer adam = AnnealOptimizer.builder(Rule.ADAM)
                .schedules(Map.of(Hyper.LR, Schedule.constant(0.1), Hyper.BETA1, Spec.parse("linear(0.9, 1.1, 4)"))).build();
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter w = parameter(manager, new float[] {1f});
            for (int t = 0; t < 2; t++) {
                backward(w, manager.create(new float[] {1f}), manager.create(new float[] {0f}));
                adam.step(List.of(w));
            }
            backward(w, manager.create(new float[] {1f}), manager.create(new float[] {0f}));
            assertThatThrownBy(() -> adam.step(List.of(w)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("beta1 (1.0 at step 2) must be in [0, 1)");
        }
    }

    @Test
    void builder_hyperparameterTheRuleDoesNotRead_rejected() {
        assertThatThrownBy(() -> AnnealOptimizer.builder(Rule.ADAM)
                .schedules(Map.of(Hyper.LR, Schedule.constant(0.1), Hyper.MOMENTUM, Schedule.constant(0.9))).build())
                .hasMessage("group all: momentum is not a hyperparameter of adam (it reads [lr, beta1, beta2, eps, weight_decay])");
        assertThatThrownBy(() -> AnnealOptimizer.builder(Rule.SGD).schedules(Map.of()).build())
                .hasMessage("group all: lr must be scheduled");
        assertThatThrownBy(() -> AnnealOptimizer.builder(Rule.SGD).clipNorm(Double.NaN)).hasMessage("clipNorm (NaN) must be > 0 and finite");
        assertThatThrownBy(() -> AnnealOptimizer.builder(Rule.SGD).accumulate(0)).hasMessage("accumulate (0) must be >= 1");
    }

    @Test
    void groups_eachReadsItsOwnSchedules() {
        // biases without weight decay, as is usual: two groups, two sets of schedules, one optimizer step
        AnnealOptimizer sgd = AnnealOptimizer.builder(Rule.SGD)
                .group(new Group("bias", p -> p.getType() == Parameter.Type.BIAS, Map.of(Hyper.LR, Schedule.constant(0.5))))
                .group(Group.all(Map.of(Hyper.LR, Schedule.constant(0.1), Hyper.WEIGHT_DECAY, Schedule.constant(1.0))))
                .build();
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter weight = parameter(manager, new float[] {2f}), bias = parameter(manager, new float[] {2f}, Parameter.Type.BIAS);
            backward(weight, manager.create(new float[] {1f}), manager.create(new float[] {0f}));
            backward(bias, manager.create(new float[] {1f}), manager.create(new float[] {0f}));
            sgd.step(List.of(weight, bias));
            assertThat(weight.getArray().getFloat()).isCloseTo(2f - 0.1f * (1f + 1f * 2f), org.assertj.core.data.Offset.offset(1e-6f));
            assertThat(bias.getArray().getFloat()).isCloseTo(2f - 0.5f * 1f, org.assertj.core.data.Offset.offset(1e-6f));
            assertThat(sgd.hyperparameters(0)).containsOnlyKeys("bias.lr", "bias.momentum", "bias.weight_decay", "all.lr", "all.momentum", "all.weight_decay");
        }
    }

    private static Parameter parameter(NDManager manager, float[] values) {
        return parameter(manager, values, Parameter.Type.WEIGHT);
    }

    private static Parameter parameter(NDManager manager, float[] values, Parameter.Type type) {
        Parameter p = Parameter.builder().setName(type.name().toLowerCase(Locale.ROOT)).setType(type).build();
        p.setArray(manager.create(values));
        p.getArray().setRequiresGradient(true);
        return p;
    }

    /** Adds the gradient of sum(a·w) + sum(b·w²), which is a + 2b·w. */
    private static void backward(Parameter p, NDArray a, NDArray b) {
        try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
            NDArray w = p.getArray();
            collector.backward(w.mul(a).sum().add(w.square().mul(b).sum()));
        }
        assertThat(Arrays.asList(p.getArray().hasGradient())).containsExactly(true);
    }
}
