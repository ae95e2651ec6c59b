package dev.anneal.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import dev.anneal.optim.ScheduleSet;
import dev.anneal.optimizer.Method;
import dev.anneal.schedule.InvalidInputException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link AnnealOptimizer} against trajectories of real PyTorch (tools/reference/djl_optimizer_reference.py):
 * scheduled lr, momentum, β1, β2, eps and weight decay, clipping by global norm, and accumulation.
 */
class AnnealOptimizerTest {
    /** float32 arithmetic in PyTorch's operation order, but without its fused multiply-adds: a few ulps over the run. */
    private static final double TOLERANCE = 5e-7;

    record Case(String name, Method rule, double clip, int accumulate, ScheduleSet schedules,
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
            Map<String, String> schedules = null;
            float[] w0 = null, b = null;
            List<float[]> a = null, steps = null;
            for (String line : lines) {
                if (line.startsWith("#")) continue;
                String[] f = line.split("\t");
                switch (f[0]) {
                    case "case" -> {
                        if (head != null) cases.add(build(head, schedules, w0, a, b, steps));
                        head = f;
                        schedules = new LinkedHashMap<>();
                        a = new ArrayList<>();
                        steps = new ArrayList<>();
                    }
                    case "schedule" -> schedules.put(f[1], f[2]);
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

    private static Case build(String[] head, Map<String, String> schedules, float[] w0, List<float[]> a, float[] b, List<float[]> steps) {
        ScheduleSet set = ScheduleSet.builder().defaults(d -> schedules.forEach(d::set)).build();
        return new Case(head[1], Method.of(head[2]), Double.parseDouble(head[3]), Integer.parseInt(head[4]), set, w0, a, b, steps);
    }

    /** One group whose lr (and the rest) are {@code definitions}: name, value pairs. */
    static ScheduleSet set(Object... definitions) {
        return ScheduleSet.builder().defaults(d -> {
            for (int i = 0; i < definitions.length; i += 2) {
                String name = (String) definitions[i];
                switch (definitions[i + 1]) {
                    case Schedule s -> d.set(name, s);
                    case String spec -> d.set(name, spec);
                    case Number n -> d.set(name, n.doubleValue());
                    default -> throw new IllegalArgumentException(String.valueOf(definitions[i + 1]));
                }
            }
        }).build();
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
        AnnealOptimizer.Builder builder = AnnealOptimizer.builder(c.rule(), c.schedules()).accumulate(c.accumulate());
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
        AnnealOptimizer sgd = AnnealOptimizer.builder(Method.SGD, set("lr", lr)).build();
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
        AnnealOptimizer sgd = AnnealOptimizer.builder(Method.SGD, set("lr", 0.1)).clipNorm(1).build();
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
    void rateInput_mapsEveryGroupsScheduledLr_isCheckedLikeAScheduledValue_andNormIsMeasuredWithoutClipping() {
        AnnealOptimizer sgd = AnnealOptimizer.builder(Method.SGD, set("lr", 0.1)).build();
        DoubleUnaryOperator quarter = lr -> lr * 0.25;
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter w = parameter(manager, new float[] {0f, 0f});
            backward(w, manager.create(new float[] {3f, 4f}), manager.create(new float[] {0f, 0f}));
            sgd.step(List.of(w), quarter);
            assertThat(sgd.lastGradNorm()).isCloseTo(5.0, within(1e-6));
            // not clipped; lr 0.1 × 0.25 = 0.025
            assertThat(w.getArray().toFloatArray()).containsExactly(new float[] {-0.075f, -0.1f}, org.assertj.core.data.Offset.offset(1e-6f));
            assertThat(sgd.hyperparameters(1, quarter)).containsEntry("lr", 0.025);
            assertThat(sgd.hyperparameters(1)).as("the schedule itself is untouched").containsEntry("lr", 0.1);

            backward(w, manager.create(new float[] {3f, 4f}), manager.create(new float[] {0f, 0f}));
            assertThatThrownBy(() -> sgd.step(List.of(w), lr -> Double.NaN)).hasMessageContaining("lr (NaN)");
            assertThat(w.getArray().toFloatArray()).as("nothing changed").containsExactly(new float[] {-0.075f, -0.1f}, org.assertj.core.data.Offset.offset(1e-6f));
            assertThat(sgd.step()).isEqualTo(1);
        }
    }

    @Test
    void step_scheduledValueOutOfRange_rejectedWithNameValueRuleAndStep_beforeAnyChange() {
        AnnealOptimizer adam = AnnealOptimizer.builder(Method.ADAM, set("lr", 0.1, "beta1", "linear(0.9, 1.1, 4)")).build();
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter w = parameter(manager, new float[] {1f});
            for (int t = 0; t < 2; t++) {
                backward(w, manager.create(new float[] {1f}), manager.create(new float[] {0f}));
                adam.step(List.of(w));
            }
            backward(w, manager.create(new float[] {1f}), manager.create(new float[] {0f}));
            float before = w.getArray().getFloat();
            assertThatThrownBy(() -> adam.step(List.of(w)))
                    .isInstanceOf(InvalidInputException.class) // bad input (exit 2), not a bug
                    .hasMessage("groups.default.beta1 (1) must be in [0, 1) (step 2)");
            assertThat(w.getArray().getFloat()).isEqualTo(before);
            assertThat(adam.step()).isEqualTo(2);
        }
    }

    @Test
    void builder_nameTheRuleDoesNotRead_rejectedListingTheNamesItReads() {
        assertThatThrownBy(() -> AnnealOptimizer.builder(Method.ADAM, set("lr", 0.1, "momentum", 0.9)).build())
                .hasMessage("groups.default.momentum is not a hyperparameter of adam (it reads beta1, beta2, eps, lr, weight_decay)");
        assertThatThrownBy(() -> AnnealOptimizer.builder(Method.SGD, set("momentum", 0.9)).build())
                .hasMessage("groups.default.lr is required by sgd and not defined");
        assertThatThrownBy(() -> AnnealOptimizer.builder(Method.SGD, set("lr", 0.1)).clipNorm(Double.NaN)).hasMessage("maxNorm (NaN) must be > 0 and finite");
        assertThatThrownBy(() -> AnnealOptimizer.builder(Method.SGD, set("lr", 0.1)).accumulate(0)).hasMessage("accumulate (0) must be >= 1");
    }

    @Test
    void rules_takeOptimsNamesAndDefaults_momentumAddsMomentum09() {
        assertThat(AnnealOptimizer.builder(Method.MOMENTUM, set("lr", 0.1)).build().hyperparameters(0))
                .containsExactly(entry("lr", 0.1), entry("momentum", 0.9), entry("dampening", 0.0), entry("weight_decay", 0.0));
        assertThat(AnnealOptimizer.builder(Method.SGD, set("lr", 0.1)).build().hyperparameters(0)).containsEntry("momentum", 0.0);
        assertThat(AnnealOptimizer.builder(Method.ADAMW, set("lr", 0.1)).build().hyperparameters(0))
                .containsExactly(entry("lr", 0.1), entry("beta1", 0.9), entry("beta2", 0.999), entry("eps", 1e-8), entry("weight_decay", 0.01));
        assertThat(AnnealOptimizer.builder(Method.ADAM, set("beta1", 0.8)).build().hyperparameters(0)).containsEntry("lr", 0.001);
    }

    @Test
    void groups_claimParametersByPath_eachReadsItsOwnSchedules() {
        // biases without weight decay, as is usual: two groups, two sets of schedules, one optimizer step
        ScheduleSet set = ScheduleSet.builder()
                .defaults(d -> d.set("lr", 0.1))
                .group("bias", g -> g.set("lr", "5 * weights.lr"))
                .group("weights", g -> g.set("weight_decay", 1.0))
                .build();
        AnnealOptimizer sgd = AnnealOptimizer.builder(Method.SGD, set).claim("bias", "*_bias").claim("weights", "*").build();
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter weight = parameter(manager, new float[] {2f}), bias = parameter(manager, new float[] {2f}, Parameter.Type.BIAS);
            sgd.assign(Map.of("01Linear_weight", weight, "01Linear_bias", bias));
            backward(weight, manager.create(new float[] {1f}), manager.create(new float[] {0f}));
            backward(bias, manager.create(new float[] {1f}), manager.create(new float[] {0f}));
            sgd.step(List.of(weight, bias));
            assertThat(weight.getArray().getFloat()).isCloseTo(2f - 0.1f * (1f + 1f * 2f), org.assertj.core.data.Offset.offset(1e-6f));
            assertThat(bias.getArray().getFloat()).isCloseTo(2f - 0.5f * 1f, org.assertj.core.data.Offset.offset(1e-6f));
            assertThat(sgd.hyperparameters(0)).containsOnlyKeys("bias.lr", "bias.momentum", "bias.dampening", "bias.weight_decay",
                    "weights.lr", "weights.weight_decay", "weights.momentum", "weights.dampening");
        }
    }

    @Test
    void assign_unclaimedParameterOrEmptyGroup_rejectedNamingIt() {
        ScheduleSet set = ScheduleSet.builder().defaults(d -> d.set("lr", 0.1)).group("bias").group("head").build();
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter weight = parameter(manager, new float[] {2f}), bias = parameter(manager, new float[] {2f}, Parameter.Type.BIAS);
            AnnealOptimizer sgd = AnnealOptimizer.builder(Method.SGD, set).claim("bias", "*_bias").claim("head", "05Linear_*").build();
            assertThatThrownBy(() -> sgd.assign(Map.of("01Linear_weight", weight)))
                    .hasMessage("parameter 01Linear_weight is claimed by no group (claims: [bias *_bias, head 05Linear_*]):"
                            + " add its path to a pattern, or end with a group that claims \"*\"");
            assertThatThrownBy(() -> sgd.assign(Map.of("05Linear_weight", weight)))
                    .hasMessageStartingWith("group bias claims no parameter: its patterns match none of [05Linear_weight]");
        }
        assertThatThrownBy(() -> AnnealOptimizer.builder(Method.SGD, set).build()).hasMessage("group bias claims no parameters: give it a pattern");
        assertThatThrownBy(() -> AnnealOptimizer.builder(Method.SGD, set).claim("bias", "*").claim("heads", "*").build())
                .hasMessage("claim heads *: the schedule set has no group heads (groups: [bias, head])");
    }

    @Test
    void readmeExample_groupsClaimByPath_beta1FollowsLr() {
        // docs/training.md, "In Java" (DocsTest checks that the page shows these lines)
        Optimizer sgd = Optimizer.sgd().setLearningRateTracker(Trackers.of(Spec.parse("warmup(500, cosine(0.1, 9500))"))).build();
        assertThat(sgd).isInstanceOf(ai.djl.training.optimizer.Sgd.class);
        ScheduleSet set = ScheduleSet.builder()
                .total(1407)
                .defaults(d -> d.set("lr", "onecycle(0.004, 100%)")
                        .set("beta1", "rescale(counter(lr), min=0.85, max=0.95)"))
                .group("bias", g -> g.set("weight_decay", 0))
                .group("rest", g -> g.set("weight_decay", 0.05))
                .build();
        AnnealOptimizer adamw = AnnealOptimizer.builder(Method.ADAMW, set)
                .claim("bias", "*_bias")
                .claim("rest", "*")
                .clipNorm(1.0)
                .accumulate(4)
                .build();
        Map<String, Double> at0 = adamw.hyperparameters(0), peak = adamw.hyperparameters(Math.round(0.3 * 1407));
        assertThat(at0.keySet()).containsExactly("bias.lr", "bias.beta1", "bias.weight_decay", "bias.beta2", "bias.eps",
                "rest.lr", "rest.beta1", "rest.weight_decay", "rest.beta2", "rest.eps");
        assertThat(at0).containsEntry("bias.weight_decay", 0.0).containsEntry("rest.weight_decay", 0.05);
        // onecycle peaks at 30% of the steps (step 422.1, between two steps), where β1 is lowest
        assertThat(peak.get("rest.lr")).isCloseTo(0.004, within(1e-7));
        assertThat(peak.get("rest.beta1")).isCloseTo(0.85, within(1e-5));
        assertThat(at0.get("rest.beta1")).isGreaterThan(0.94);
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

    @org.junit.jupiter.api.Test
    void builder_settingGivenTwice_isAnIllegalState_namingTheEarlierValue() {
        AnnealOptimizer.Builder b = AnnealOptimizer.builder(Method.SGD, set("lr", 0.1)).clipNorm(1.0).accumulate(4);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.clipNorm(2.0))
                .isExactlyInstanceOf(IllegalStateException.class).hasMessage("clipNorm was already set to 1 (now 2)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.accumulate(8))
                .isExactlyInstanceOf(IllegalStateException.class).hasMessage("accumulate was already set to 4 (now 8)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.clipNorm(-1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxNorm (-1) must be > 0 and finite");
    }
}
