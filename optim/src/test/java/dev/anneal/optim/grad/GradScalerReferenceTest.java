package dev.anneal.optim.grad;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline against PyTorch 1.13's GradScaler driven step by step (table: torch_gradscaler_reference.py): the
 * scale used, the skipped steps, the scale and growth tracker after update(), the unscaled gradients (through the
 * SGD update PyTorch applied) and for the fp16 cases the float16 overflow and underflow counts.
 *
 * <p>PyTorch's {@code p.add_(g, alpha=-lr)} rounds once (a fused multiply-add on this CPU), Anneal's SGD kernel
 * twice, as PyTorch's operation order is written. So each step starts from the table's parameters and the update
 * is recomputed with {@code Math.fma}: bit equality then checks that the unscaled gradient is exactly PyTorch's.
 */
class GradScalerReferenceTest {

    static List<GradScalerTable> cases() {
        return GradScalerTable.load();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradScaler_matchesPyTorchStepByStep(GradScalerTable t) {
        GradientPipeline pipeline = new GradientPipeline(new GradConfig(Clipping.none(),
                LossScaling.dynamic(t.initScale(), t.growthFactor(), t.backoffFactor(), t.growthInterval()), t.fp16()));
        float[] p = t.params();
        for (GradScalerTable.Row row : t.rows()) {
            String at = t.name() + " step " + row.step();
            assertThat(pipeline.scale()).as("%s: scale used", at).isEqualTo(row.scale());
            float[] g = new float[p.length];
            for (int i = 0; i < g.length; i++) g[i] = row.grad()[i] * pipeline.scale();   // backward of loss · scale
            GradState before = pipeline.state();
            Verdict v = pipeline.process(List.of(g));
            float[] expected = v.applies() ? fusedSgd(p, g, t.lr()) : p;
            GradState after = pipeline.state();
            assertThat(!v.applies()).as("%s: skipped", at).isEqualTo(row.skipped());
            assertThat(v.nextScale()).as("%s: scale after update()", at).isEqualTo(row.scaleAfter());
            assertThat(after.scale()).as("%s: state scale", at).isEqualTo(row.scaleAfter());
            assertThat(after.growthTracker()).as("%s: growth tracker", at).isEqualTo(row.trackerAfter());
            assertThat(row.paramsAfter()).as("%s: parameters", at).containsExactly(expected);
            assertThat(after.halfOverflows() - before.halfOverflows()).as("%s: float16 overflows", at).isEqualTo(row.overflows());
            assertThat(after.halfUnderflows() - before.halfUnderflows()).as("%s: float16 underflows", at).isEqualTo(row.underflows());
            p = row.paramsAfter();
        }
        long skipped = t.rows().stream().filter(GradScalerTable.Row::skipped).count();
        assertThat(pipeline.state().skippedSteps()).isEqualTo(skipped);
        assertThat(pipeline.state().steps()).isEqualTo(t.rows().size());
    }

    private static float[] fusedSgd(float[] p, float[] g, float lr) {
        float[] out = new float[p.length];
        for (int i = 0; i < p.length; i++) out[i] = Math.fma(-lr, g[i], p[i]);
        return out;
    }
}
