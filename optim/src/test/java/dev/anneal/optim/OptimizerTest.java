package dev.anneal.optim;

import dev.anneal.optimizer.Method;
import dev.anneal.schedule.InvalidInputException;
import dev.anneal.optim.grad.GradientAccumulator;
import dev.anneal.optim.grad.Reduction;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class OptimizerTest {

    @Test
    void adamWithoutBiasCorrection_firstSteps_byHand() {
        // m1 = 0.1·g, v1 = 0.001·g², step = lr·m1/(√v1 + eps) with g = 2, lr = 0.1, eps = 0:
        // m1 = 0.2, v1 = 0.004, p1 = 1 − 0.1·0.2/0.063245553 = 0.683772234.
        float[] p = {1f};
        ScheduleSet s = ScheduleSet.builder().defaults(d -> d.set("lr", 0.1).set("eps", 0)).build();
        Optimizer opt = Optimizer.builder(Method.ADAM_NO_BIAS_CORRECTION, s).group("default", p).build();
        opt.step(List.of(new float[] {2f}));
        // 3e-6: the kernel forms 1 − β2 as 1f − 0.999f = 0.00100005 where torch rounds the double 1 − 0.999 to float.
        assertThat((double) p[0]).isCloseTo(0.683772234, org.assertj.core.api.Assertions.within(3e-6));
        // With bias correction the first step is lr·sign(g): 1 − 0.1.
        float[] q = {1f};
        Optimizer.builder(Method.ADAM, s).group("default", q).build().step(List.of(new float[] {2f}));
        assertThat(q[0]).isCloseTo(0.9f, org.assertj.core.api.Assertions.within(1e-6f));
    }

    @Test
    void adamw_decaysByLrTimesLambda() {
        // Zero gradient: m = v = 0, so the update is only p·(1 − lr·λ) = 2·(1 − 0.1·0.5) = 1.9.
        float[] p = {2f};
        ScheduleSet s = ScheduleSet.builder().defaults(d -> d.set("lr", 0.1).set("weight_decay", 0.5)).build();
        Optimizer.builder(Method.ADAMW, s).group("default", p).build().step(List.of(new float[] {0f}));
        assertThat(p[0]).isEqualTo(1.9f);
    }

    @Test
    void invalidScheduledValue_rejectedBeforeAnythingChanges() {
        float[] p = {1f};
        ScheduleSet s = ScheduleSet.builder().group("head", g -> g.set("lr", "linear(0.1, -0.1, steps=2)")).build();
        Optimizer opt = Optimizer.builder(Method.SGD, s).group("head", p).build();
        opt.step(List.of(new float[] {1f}));
        opt.step(List.of(new float[] {1f}));
        float kept = p[0];
        assertThatThrownBy(() -> opt.step(List.of(new float[] {1f})))
                .isInstanceOf(InvalidInputException.class) // bad input (exit 2), not a bug
                .hasMessage("groups.head.lr (-0.1) must be >= 0 and finite (step 2)");
        assertThat(p[0]).isEqualTo(kept);
        assertThat(opt.currentStep()).isEqualTo(2);
    }

    @Test
    void configurationErrors_nameTheGroup() {
        ScheduleSet s = ScheduleSet.builder().group("head", g -> g.set("momentum", 0.9)).build();
        assertThatThrownBy(() -> Optimizer.builder(Method.SGD, s).group("head", new float[1]).build())
                .hasMessage("groups.head.lr is required by sgd and not defined");
        assertThatThrownBy(() -> Optimizer.builder(Method.ADAM, s).group("body", new float[1]).build())
                .hasMessage("schedule set group head has no parameter group (parameter groups: [body])");
        ScheduleSet n = ScheduleSet.builder().defaults(d -> d.set("lr", 0.1).set("momentum", 0.9).set("dampening", 0.1)).build();
        Optimizer nesterov = Optimizer.builder(Method.NESTEROV, n).group("default", new float[1]).build();
        assertThatThrownBy(() -> nesterov.step(List.of(new float[1])))
                .hasMessage("Nesterov momentum needs groups.default.momentum (0.9) > 0 and groups.default.dampening (0.1) = 0 (step 0)");
        Optimizer adam = Optimizer.builder(Method.ADAM, n).group("default", new float[2]).build();
        assertThatThrownBy(() -> adam.step(List.of(new float[3])))
                .hasMessage("gradients[0] (3 values) must be as long as parameter block 0 (2 values)");
    }

    /** An out-of-range value is bad input (InvalidInputException, exit 2), carrying its key path and step as data. */
    @Test
    void valueOutOfRangeAtAStep_isInvalidInput_withKeyPathAndStep() {
        ScheduleSet s = ScheduleSet.builder().defaults(d -> d.set("lr", 0.1).set("beta2", "linear(0.8, 1.4, steps=6)")).build();
        Optimizer adam = Optimizer.builder(Method.ADAM, s).group("default", new float[1]).build();
        adam.step(List.of(new float[] {1f}));
        adam.step(List.of(new float[] {1f}));
        float[] before = adam.blocks().getFirst().clone();
        assertThatThrownBy(() -> adam.step(List.of(new float[] {1f}))) // 0.8 + 2·0.1 = 1 at step 2
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.name()).isEqualTo("groups.default.beta2");
                    assertThat((double) e.value()).isCloseTo(1, within(1e-12));
                    assertThat(e.rule()).isEqualTo("must be in [0, 1)");
                    assertThat(e.where().step()).isEqualTo(2);
                });
        assertThat(adam.blocks().getFirst()).as("nothing changed").isEqualTo(before);
    }

    @Test
    void accumulation_advancesSchedulesPerOptimizerStep_andSumMultipliesTheStepByK() {
        // lr halves every step; 8 micro-batches of gradient 1 with K = 4 are 2 optimizer steps at lr 0.1, 0.05.
        ScheduleSet s = ScheduleSet.builder().defaults(d -> d.set("lr", "step(0.1, every=1, gamma=0.5)")).build();
        for (Reduction reduction : Reduction.values()) {
            float[] p = {0f};
            Optimizer opt = Optimizer.builder(Method.SGD, s).group("default", p).build();
            GradientAccumulator accumulator = new GradientAccumulator(4, reduction);
            List<float[]> step = List.of(new float[1]);
            for (int micro = 0; micro < 8; micro++) {
                if (accumulator.add(List.of(new float[] {1f}), step)) opt.step(step);
            }
            float k = reduction == Reduction.SUM ? 4 : 1;
            assertThat(opt.trace().rows()).extracting(r -> r.value("lr")).containsExactly(0.1, 0.05);
            assertThat(p[0]).as("%s", reduction).isEqualTo(-(0.1f * k) - 0.05f * k);
        }
    }

    @Test
    void trace_recordsAppliedValues_andWritesCsv() throws IOException {
        ScheduleSet s = ScheduleSet.builder()
                .defaults(d -> d.set("lr", "step(0.1, every=1, gamma=0.5)").set("dropout", "linear(0.5, 0, steps=2)"))
                .group("a").group("b", g -> g.set("lr", "0.5 * a.lr")).build();
        Optimizer opt = Optimizer.builder(Method.SGD, s).group("a", new float[1]).group("b", new float[1]).build();
        opt.step(List.of(new float[] {1f}, new float[] {1f}));
        opt.step(List.of(new float[] {Float.POSITIVE_INFINITY}, new float[] {1f}));
        StringWriter csv = new StringWriter();
        opt.trace().writeCsv(csv);
        assertThat(csv.toString()).isEqualTo("""
                step,group,applied,lr,dropout,dampening,momentum,weight_decay
                0,a,true,0.1,0.5,0.0,0.0,0.0
                0,b,true,0.05,0.5,0.0,0.0,0.0
                1,a,false,0.05,0.25,0.0,0.0,0.0
                1,b,false,0.025,0.25,0.0,0.0,0.0
                """);
    }
}
