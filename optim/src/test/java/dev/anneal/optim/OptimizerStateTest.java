package dev.anneal.optim;

import dev.anneal.optimizer.Method;
import dev.anneal.optim.grad.GradConfig;
import dev.anneal.optim.grad.LossScaling;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptimizerStateTest {
    private static final int[] SIZES = {30, 20};
    private static final ScheduleSet SET = ScheduleSet.builder().total(40)
            .defaults(d -> d.set("lr", "warmup(10%, cosine(0.05, steps=90%))").set("momentum", "rescale(counter(lr), min=0.85, max=0.95)"))
            .group("a").group("b", g -> g.set("lr", "0.5 * a.lr")).build();

    /** Loss scaling with fp16 emulation and a scale of 2^17 that overflows at first: steps are skipped and the scale backs off. */
    private static Optimizer optimizer(Method method, float[][] p) {
        GradConfig grads = GradConfig.plain().withFp16(true).withLossScaling(LossScaling.dynamic(131072f, 2f, 0.5f, 3));
        return Optimizer.builder(method, SET).group("a", p[0]).group("b", p[1]).gradients(grads).build();
    }

    /** Gradients as the backward pass of a loss multiplied by the scale would produce them; large enough to overflow fp16. */
    private static List<float[]> scaled(Optimizer opt, float[][] p, float[][] c, int step) {
        List<float[]> g = Problem.gradients(p, c, step);
        for (float[] b : g) for (int i = 0; i < b.length; i++) b[i] *= opt.gradients().scale();
        return g;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "nesterov", "adam", "adamw"})
    void resumeAtStepK_continuesBitForBit(String name, @TempDir Path dir) throws IOException {
        Method method = switch (name) {
            case "sgd" -> Method.SGD;
            case "nesterov" -> Method.NESTEROV;
            case "adam" -> Method.ADAM;
            default -> Method.ADAMW;
        };
        float[][] c = Problem.curvature(SIZES);
        float[][] straight = Problem.initial(SIZES);
        Optimizer whole = optimizer(method, straight);
        for (int t = 0; t < 40; t++) whole.step(scaled(whole, straight, c, t));

        float[][] first = Problem.initial(SIZES);
        Optimizer before = optimizer(method, first);
        for (int t = 0; t < 17; t++) before.step(scaled(before, first, c, t));
        Path file = dir.resolve("state.bin");
        before.state().save(file);

        float[][] resumed = {first[0].clone(), first[1].clone()};
        Optimizer after = optimizer(method, resumed);
        after.restore(OptimizerState.load(file));
        for (int t = 17; t < 40; t++) after.step(scaled(after, resumed, c, t));

        assertThat(whole.state().grad().skippedSteps()).as("the run must exercise skipped steps").isPositive();
        assertThat(resumed[0]).isEqualTo(straight[0]);
        assertThat(resumed[1]).isEqualTo(straight[1]);
        assertThat(after.state()).isEqualTo(whole.state());
        assertThat(after.trace().rows()).isEqualTo(whole.trace().rows().subList(34, 80));
    }

    @Test
    void skippedStep_advancesScheduleButNotUpdates() {
        float[][] p = Problem.initial(SIZES);
        Optimizer opt = Optimizer.builder(Method.ADAM, SET).group("a", p[0]).group("b", p[1]).build();
        float[][] before = {p[0].clone(), p[1].clone()};
        List<float[]> g = Problem.gradients(p, Problem.curvature(SIZES), 0);
        g.get(1)[3] = Float.NaN;
        assertThat(opt.step(g).applies()).isFalse();
        assertThat(p[0]).isEqualTo(before[0]);
        assertThat(p[1]).isEqualTo(before[1]);
        assertThat(opt.state().step()).isEqualTo(1);
        assertThat(opt.state().updates()).isZero();
        assertThat(opt.trace().rows()).extracting(Trace.Row::applied).containsExactly(false, false);
    }

    @Test
    void corruptedFile_rejectedByChecksum(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("s.bin");
        float[][] p = Problem.initial(SIZES);
        Optimizer opt = Optimizer.builder(Method.ADAM, SET).group("a", p[0]).group("b", p[1]).build();
        opt.step(Problem.gradients(p, Problem.curvature(SIZES), 0));
        opt.state().save(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[60] ^= 1;
        Files.write(file, bytes);
        assertThatThrownBy(() -> OptimizerState.load(file))
                .hasMessageMatching(".*s\\.bin: state file is corrupted: CRC32 [0-9a-f]{8} stored, [0-9a-f]{8} computed");
        Files.write(file, "not a state".getBytes());
        assertThatThrownBy(() -> OptimizerState.load(file)).hasMessageEndingWith("not an Anneal optimizer state file (it does not start with ANNEALOS)");
    }

    @Test
    void mismatchedState_rejected() {
        float[][] p = Problem.initial(SIZES);
        OptimizerState adam = Optimizer.builder(Method.ADAM, SET).group("a", p[0]).group("b", p[1]).build().state();
        Optimizer sgd = Optimizer.builder(Method.SGD, SET).group("a", p[0]).group("b", p[1]).build();
        assertThatThrownBy(() -> sgd.restore(adam)).hasMessage("state method (adam) must be sgd");
        Optimizer other = Optimizer.builder(Method.ADAM, SET).group("a", p[0]).group("b", new float[7]).build();
        assertThatThrownBy(() -> other.restore(adam))
                .hasMessage("state block 1 (b, 20 values) must match parameter block 1 (b, 7 values)");
    }

    @Test
    void builder_gradientsGivenTwice_isAnIllegalState_namingTheEarlierSetting() {
        float[][] p = {new float[30], new float[20]};
        var builder = Optimizer.builder(Method.ADAM, SET).group("a", p[0]).group("b", p[1]).gradients(GradConfig.plain());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> builder.gradients(GradConfig.plain().withFp16(true)))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("gradients was already set to " + GradConfig.plain());
    }
}
