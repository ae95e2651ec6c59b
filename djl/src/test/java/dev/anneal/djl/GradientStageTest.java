package dev.anneal.djl;

import dev.anneal.optimizer.Method;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import dev.anneal.optim.grad.Clipping;
import dev.anneal.optim.grad.GradConfig;
import dev.anneal.optim.grad.Half;
import dev.anneal.optim.grad.LossScaling;
import dev.anneal.optim.grad.Reduction;
import dev.anneal.optim.grad.Verdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * optim's gradient stage inside the DJL optimizer, against real PyTorch gradients: clipping counts, accumulation
 * equivalences, fp16 emulation with loss scaling, DJL's own {@code Trainer}, and the combinations it refuses.
 */
class GradientStageTest {
    static Images images;

    @BeforeAll
    static void data() {
        Engines.pytorch(1, 3);
        images = FashionMnist.train(FashionMnist.DEBIAN_DIR, 960);
    }

    @Test
    void clipNorm_countsTheStepsWhoseNormExceedsIt() {
        // gradient of sum(a·w) is a = (3, 4): norm 5 at every step
        for (double max : new double[] {1, 10}) {
            AnnealOptimizer sgd = AnnealOptimizer.builder(Method.SGD, AnnealOptimizerTest.set("lr", 0.1)).clipNorm(max).build();
            try (NDManager manager = NDManager.newBaseManager()) {
                Parameter w = parameter(manager, 0f, 0f);
                for (int t = 0; t < 3; t++) {
                    backward(w, manager.create(new float[] {3f, 4f}), 1f);
                    sgd.step(List.of(w));
                    assertThat(sgd.lastGradNorm()).isCloseTo(5.0, within(1e-6));
                }
                assertThat(sgd.gradientState().clippedSteps()).as("clipped steps, max norm %s", max).isEqualTo(max < 5 ? 3 : 0);
                float step = max < 5 ? (float) (1 / (5 + Clipping.ByNorm.EPSILON)) : 1f; // the clip coefficient
                assertThat((double) w.getArray().toFloatArray()[1]).isCloseTo(-3 * 0.1 * 4 * step, within(1e-6));
            }
        }
    }

    @Test
    void clipValue_clampsEachValue_countsClippedSteps() {
        AnnealOptimizer sgd = AnnealOptimizer.builder(Method.SGD, AnnealOptimizerTest.set("lr", 0.5))
                .gradients(GradConfig.plain().withClipping(Clipping.byValue(1))).build();
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter w = parameter(manager, 0f, 0f);
            backward(w, manager.create(new float[] {3f, 0.25f}), 1f);
            sgd.step(List.of(w));
            assertThat(w.getArray().toFloatArray()).containsExactly(-0.5f, -0.125f); // (1, 0.25) × 0.5
            backward(w, manager.create(new float[] {0.5f, -0.25f}), 1f);
            sgd.step(List.of(w));
            assertThat(sgd.gradientState().clippedSteps()).as("only the first step had a value over 1").isEqualTo(1);
        }
    }

    @Test
    void fp16WithDynamicLossScale_skipsOverflowingSteps_backsOff_thenApplies() {
        // a = (2, 1e-3): scaled by 65536 the 2 overflows half precision (≥ 65520), as at 32768; at 16384 it fits
        GradConfig fp16 = GradConfig.plain().withFp16(true).withLossScaling(LossScaling.dynamic());
        AnnealOptimizer adam = AnnealOptimizer.builder(Method.ADAM, AnnealOptimizerTest.set("lr", 0.01)).gradients(fp16).build();
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter w = parameter(manager, 1f, 1f);
            List<Verdict> verdicts = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                backward(w, manager.create(new float[] {2f, 1e-3f}), adam.lossScale());
                adam.step(List.of(w));
                verdicts.add(adam.lastVerdict());
                if (t < 2) assertThat(w.getArray().toFloatArray()).as("skipped step %d leaves w", t).containsExactly(1f, 1f);
            }
            assertThat(verdicts).extracting(Verdict::applies).containsExactly(false, false, true);
            assertThat(verdicts).extracting(Verdict::scale).containsExactly(65536f, 32768f, 16384f);
            assertThat(adam.gradientState().skippedSteps()).isEqualTo(2);
            assertThat(adam.gradientState().halfOverflows()).isEqualTo(2);
            assertThat(adam.lossScale()).isEqualTo(16384f);
            assertThat(adam.step()).isEqualTo(3);
            assertThat(adam.state(Map.of("w", w)).updates()).as("Adam's bias correction counts applied steps only").isEqualTo(1);
            // Adam's first step moves every coordinate by lr; the half-rounded, unscaled gradient is what it saw
            assertThat(w.getArray().toFloatArray()[0]).isCloseTo(0.99f, org.assertj.core.data.Offset.offset(1e-6f));
            assertThat(Verdict.Skip.class.cast(verdicts.getFirst()).reason()).contains("step skipped, loss scale 65536 → 32768");
        }
        assertThat(Half.round(2f * 16384f)).isEqualTo(32768f);
    }

    @Test
    void accumulateMean_kMicroBatches_equalOneBatchKTimesTheSize() {
        float[] micro = train(4, 16, Reduction.MEAN, 0.05), whole = train(1, 64, Reduction.MEAN, 0.05);
        assertClose(micro, whole, "4 micro-batches of 16, mean, against batches of 64");
    }

    @Test
    void accumulateSum_isTheMeanTimesK_soSgdWithLrEqualsMeanWithKTimesLr() {
        float[] sum = train(4, 16, Reduction.SUM, 0.01), whole = train(1, 64, Reduction.MEAN, 0.04);
        assertClose(sum, whole, "4 micro-batches of 16 summed at lr 0.01, against batches of 64 at lr 0.04");
    }

    /** The MLP's parameters after one epoch of SGD on 960 images (so 15 steps of 64 images either way). */
    private static float[] train(int accumulate, int batch, Reduction reduction, double lr) {
        AnnealOptimizer sgd = AnnealOptimizer.builder(Method.SGD, AnnealOptimizerTest.set("lr", lr)).accumulate(accumulate, reduction).build();
        List<Step> steps = new ArrayList<>();
        try (Training t = new Training(dev.anneal.djl.Model.MLP, sgd, batch, 4)) {
            t.epoch(images, 0, steps::add);
            assertThat(steps).hasSize(15);
            return flat(t);
        }
    }

    private static float[] flat(Training t) {
        List<float[]> arrays = t.parameters().values().stream().map(p -> p.getArray().toFloatArray()).toList();
        float[] out = new float[arrays.stream().mapToInt(a -> a.length).sum()];
        int i = 0;
        for (float[] a : arrays) {
            System.arraycopy(a, 0, out, i, a.length);
            i += a.length;
        }
        return out;
    }

    private static void assertClose(float[] actual, float[] expected, String what) {
        double worst = 0;
        for (int i = 0; i < actual.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
        // float sums in another order: about 1e-7 per step at these magnitudes; 15 steps
        assertThat(worst).as(what + ": largest difference of %d parameters", actual.length).isLessThan(2e-5);
        assertThat(actual).as("the runs trained").isNotEqualTo(new float[actual.length]);
    }

    @Test
    void djlTrainer_perParameterUpdate_clipsByValueAndEmulatesFp16() {
        AnnealOptimizer sgd = AnnealOptimizer.builder(Method.SGD, AnnealOptimizerTest.set("lr", 0.1))
                .gradients(GradConfig.plain().withClipping(Clipping.byValue(0.05)).withFp16(true)).forTrainer().build();
        try (Model model = Model.newInstance("linear", "PyTorch")) {
            model.setBlock(Linear.builder().setUnits(2).build());
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(sgd))) {
                trainer.initialize(new Shape(8, 3));
                NDManager m = trainer.getManager();
                NDArray x = m.randomNormal(new Shape(8, 3)), y = m.randomNormal(new Shape(8, 2)).mul(10);
                for (int t = 0; t < 3; t++) {
                    Map<String, float[]> before = new java.util.LinkedHashMap<>(), grads = new java.util.LinkedHashMap<>();
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDArray loss = trainer.getLoss().evaluate(new NDList(y), trainer.forward(new NDList(x)));
                        collector.backward(loss);
                    }
                    for (var e : model.getBlock().getParameters()) {
                        before.put(e.getKey(), e.getValue().getArray().toFloatArray());
                        grads.put(e.getKey(), e.getValue().getArray().getGradient().toFloatArray());
                    }
                    trainer.step(); // DJL's ParameterStore calls update(id, weight, grad) for each parameter
                    for (var e : model.getBlock().getParameters()) {
                        float[] w0 = before.get(e.getKey()), g = grads.get(e.getKey()), w1 = e.getValue().getArray().toFloatArray();
                        for (int i = 0; i < w0.length; i++) {
                            float clipped = Math.min(Math.max(Half.round(g[i]), -0.05f), 0.05f);
                            assertThat((double) w1[i]).as("%s[%d] at step %d", e.getKey(), i, t)
                                    .isCloseTo(w0[i] - 0.1 * clipped, within(1e-6 * Math.max(1, Math.abs(w0[i]))));
                        }
                    }
                }
            }
        }
        assertThat(sgd.gradientState().clippedSteps()).as("clipping counts parameter updates inside the Trainer").isPositive();
    }

    @Test
    void djlTrainer_perParameterUpdate_resumesFromOptimsStateBitForBit() {
        // the Trainer's entry point, update(id, weight, grad), with Adam moments and fp16 counters in the state
        GradConfig fp16 = GradConfig.plain().withFp16(true).withClipping(Clipping.byValue(0.3));
        java.util.function.Supplier<AnnealOptimizer> adam = () -> AnnealOptimizer.builder(Method.ADAM, AnnealOptimizerTest.set("lr", "linear(0.1, 0.01, 5)"))
                .gradients(fp16).forTrainer().build();
        float[][] grads = {{0.5f, -1e-6f}, {0.2f, 0.4f}, {-0.7f, 0.1f}, {0.05f, -0.2f}};
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter whole = parameter(manager, 1f, -1f), resumed = parameter(manager, 1f, -1f);
            AnnealOptimizer a = adam.get(), first = adam.get();
            for (float[] g : grads) a.update(whole.getId(), whole.getArray(), manager.create(g));
            for (int t = 0; t < 2; t++) first.update(resumed.getId(), resumed.getArray(), manager.create(grads[t]));
            dev.anneal.optim.OptimizerState saved = first.state(Map.of("w", resumed));
            assertThat(saved.updates()).isEqualTo(2);
            AnnealOptimizer second = adam.get();
            second.restore(saved, Map.of("w", resumed));
            for (int t = 2; t < 4; t++) second.update(resumed.getId(), resumed.getArray(), manager.create(grads[t]));
            assertThat(resumed.getArray().toFloatArray()).isEqualTo(whole.getArray().toFloatArray());
            assertThat(second.state(Map.of("w", resumed))).isEqualTo(a.state(Map.of("w", whole)));
            assertThat(a.gradientState().halfUnderflows()).as("-1e-6 is subnormal in half precision").isEqualTo(1);
        }
    }

    @Test
    void djlTrainer_wholeModelOperations_refusedAtBuild_andAtUpdate() {
        List<AnnealOptimizer.Builder> wholeModel = List.of(
                AnnealOptimizer.builder(Method.SGD, AnnealOptimizerTest.set("lr", 0.1)).clipNorm(1),
                AnnealOptimizer.builder(Method.SGD, AnnealOptimizerTest.set("lr", 0.1)).accumulate(2),
                AnnealOptimizer.builder(Method.SGD, AnnealOptimizerTest.set("lr", 0.1)).gradients(GradConfig.plain().withLossScaling(LossScaling.dynamic())),
                AnnealOptimizer.builder(Method.SGD, AnnealOptimizerTest.set("lr", 0.1)).gradients(GradConfig.plain().withLossScaling(LossScaling.fixed(8))));
        List<String> what = List.of("clipping by the global norm", "gradient accumulation", "loss scaling", "loss scaling");
        for (int i = 0; i < wholeModel.size(); i++) {
            AnnealOptimizer built = wholeModel.get(i).build();
            String rule = "needs the whole model's gradients at once, and DJL's Trainer calls update() one parameter at a time";
            try (NDManager manager = NDManager.newBaseManager()) {
                NDArray w = manager.create(new float[] {1f});
                assertThatThrownBy(() -> built.update("w", w, manager.create(new float[] {1f})))
                        .isInstanceOf(IllegalStateException.class).hasMessageStartingWith(what.get(i)).hasMessageContaining(rule);
                assertThat(w.getFloat()).isEqualTo(1f);
            }
            assertThatThrownBy(wholeModel.get(i).forTrainer()::build).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(what.get(i)).hasMessageContaining(rule).hasMessageContaining("step(parameters)");
        }
    }

    @Test
    void djlTrainer_nonFiniteGradient_stopsWithoutChangingTheParameter() {
        AnnealOptimizer sgd = AnnealOptimizer.builder(Method.SGD, AnnealOptimizerTest.set("lr", 0.1)).forTrainer().build();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray w = manager.create(new float[] {1f, 2f});
            assertThatThrownBy(() -> sgd.update("w", w, manager.create(new float[] {Float.NaN, 1f})))
                    .isInstanceOf(Diverged.class).hasMessageContaining("parameter w's gradient holds 1 non-finite values")
                    .hasMessageContaining("cannot be skipped whole");
            assertThat(w.toFloatArray()).containsExactly(1f, 2f);
        }
    }

    @Test
    void step_nonFiniteGradient_skipsTheWholeStep_andReportsIt() {
        AnnealOptimizer sgd = AnnealOptimizer.builder(Method.SGD, AnnealOptimizerTest.set("lr", 0.1)).build();
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter w = parameter(manager, 1f), v = parameter(manager, 1f);
            backward(w, manager.create(new float[] {1f}), 1f);
            backward(v, manager.create(new float[] {Float.POSITIVE_INFINITY}), 1f);
            sgd.step(List.of(w, v));
            assertThat(sgd.lastVerdict()).isInstanceOf(Verdict.Skip.class);
            assertThat(((Verdict.Skip) sgd.lastVerdict()).reason()).startsWith("gradient block 1 index 0 is Infinity");
            assertThat(w.getArray().getFloat()).as("the finite parameter is not updated either").isEqualTo(1f);
            assertThat(sgd.gradientState().skippedSteps()).isEqualTo(1);
            assertThat(sgd.step()).as("the schedules still advance").isEqualTo(1);
        }
    }

    @Test
    void step_lossScaleUnderflow_isADivergenceNamingTheCause_andLeavesTheParameters() {
        // A backoff of 1e-50 takes the scale from 1 to 0 at the first non-finite step: the pipeline's LossScaleUnderflow.
        AnnealOptimizer sgd = AnnealOptimizer.builder(Method.SGD, AnnealOptimizerTest.set("lr", 0.1))
                .gradients(GradConfig.plain().withLossScaling(LossScaling.dynamic(1f, 2, 1e-50, 10))).build();
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter w = parameter(manager, 1f);
            backward(w, manager.create(new float[] {Float.NaN}), 1f);
            assertThatThrownBy(() -> sgd.step(List.of(w))).isInstanceOf(Diverged.class)
                    .hasMessageStartingWith("the dynamic loss scale underflowed: after 1 consecutive steps with non-finite gradients it fell from 1 to 0")
                    .hasMessageEndingWith(", at step 0");
            assertThat(w.getArray().getFloat()).isEqualTo(1f);
        }
    }

    private static Parameter parameter(NDManager manager, float... values) {
        Parameter p = Parameter.builder().setName("w" + values.length).setType(Parameter.Type.WEIGHT).build();
        p.setArray(manager.create(values));
        p.getArray().setRequiresGradient(true);
        return p;
    }

    /** Adds the gradient of {@code scale · sum(a·w)}, which is {@code scale · a}. */
    private static void backward(Parameter p, NDArray a, float scale) {
        try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
            collector.backward(p.getArray().mul(a).sum().mul(scale));
        }
        assertThat(p.getArray().hasGradient()).as(String.format(Locale.ROOT, "%s has a gradient", p.getName())).isTrue();
    }
}
