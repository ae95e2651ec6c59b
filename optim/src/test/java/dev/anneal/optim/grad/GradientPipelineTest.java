package dev.anneal.optim.grad;

import dev.anneal.optim.Kernels;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Clipping, non-finite detection, fp16 counts and state restore of the gradient pipeline, on hand-worked values. */
class GradientPipelineTest {

    private static GradientPipeline pipeline(Clipping clipping) {
        return new GradientPipeline(GradConfig.plain().withClipping(clipping));
    }

    @Test
    void byNorm_aboveMax_scalesToMaxNorm() {
        float[] g = {3f, 4f};                                  // norm 5
        Verdict.Apply v = (Verdict.Apply) pipeline(Clipping.byNorm(1)).process(List.of(g));
        float c = (float) (1 / (5 + 1e-6));                    // PyTorch: max_norm / (norm + 1e-6)
        assertThat(v.normBefore()).isEqualTo(5.0);
        assertThat(v.clipped()).isTrue();
        assertThat(g).containsExactly(3f * c, 4f * c);
        assertThat(v.normAfter()).isCloseTo(5 * c, within(1e-7)).isLessThan(1.0);
    }

    @Test
    void byNorm_isGlobalOverBlocks_notPerBlock() {
        float[] a = {3f}, b = {4f};                            // each block's norm < 5, the global norm is 5
        Verdict.Apply v = (Verdict.Apply) pipeline(Clipping.byNorm(4.5)).process(List.of(a, b));
        float c = (float) (4.5 / (5 + 1e-6));
        assertThat(v.normBefore()).isEqualTo(5.0);
        assertThat(a).containsExactly(3f * c);
        assertThat(b).containsExactly(4f * c);
    }

    @Test
    void byNorm_belowMax_leavesGradientsAndDoesNotCount() {
        float[] g = {0.6f, 0.8f};                              // norm 1 (to float rounding) < 2
        GradientPipeline p = pipeline(Clipping.byNorm(2));
        Verdict.Apply v = (Verdict.Apply) p.process(List.of(g));
        assertThat(g).containsExactly(0.6f, 0.8f);
        assertThat(v.clipped()).isFalse();
        assertThat(v.normAfter()).isEqualTo(v.normBefore());
        assertThat(p.state().clippedSteps()).isZero();
    }

    @Test
    void byValue_clampsEachValue_andReportsBothNorms() {
        float[] g = {-3f, 0.5f, 2f};
        Verdict.Apply v = (Verdict.Apply) pipeline(Clipping.byValue(1)).process(List.of(g));
        assertThat(g).containsExactly(-1f, 0.5f, 1f);
        assertThat(v.normBefore()).isEqualTo(Math.sqrt(9 + 0.25 + 4));
        assertThat(v.normAfter()).isEqualTo(1.5);
        assertThat(v.clipped()).isTrue();
    }

    @Test
    void clippedSteps_countsOnlyStepsWhereClippingFired() {
        GradientPipeline p = pipeline(Clipping.byNorm(1));
        float[][] steps = {{0.5f}, {2f}, {-0.9f}, {-7f}, {1.5f}, {0f}};   // fires on 2, −7, 1.5
        for (float[] g : steps) p.process(List.of(g));
        assertThat(p.state().clippedSteps()).isEqualTo(3);
        assertThat(p.state().steps()).isEqualTo(6);
        assertThat(p.state().skippedSteps()).isZero();
    }

    @Test
    void nonFinite_skipsAndLocatesTheFirstBadValue() {
        GradientPipeline p = pipeline(Clipping.byNorm(1));
        float[] a = {1f, 2f}, b = {0f, Float.NaN, Float.NEGATIVE_INFINITY};
        Verdict v = p.process(List.of(a, b));
        assertThat(v.applies()).isFalse();
        Verdict.Skip s = (Verdict.Skip) v;
        assertThat(s.nonFinite()).isEqualTo(2);
        assertThat(s.block()).isEqualTo(1);
        assertThat(s.index()).isEqualTo(1);
        assertThat(s.reason()).isEqualTo("gradient block 1 index 1 is NaN (2 non-finite values): step skipped");
        assertThat(p.state().skippedSteps()).isEqualTo(1);
        assertThat(p.state().clippedSteps()).as("a skipped step is never counted as clipped").isZero();
    }

    @Test
    void nonFinite_withDynamicScaling_reasonShowsTheBackoff() {
        GradientPipeline p = new GradientPipeline(GradConfig.plain().withLossScaling(LossScaling.dynamic()));
        Verdict.Skip s = (Verdict.Skip) p.process(List.of(new float[]{Float.POSITIVE_INFINITY}));
        assertThat(s.reason()).isEqualTo("gradient block 0 index 0 is Infinity (1 non-finite value): step skipped, loss scale 65536 → 32768");
        assertThat(p.scale()).isEqualTo(32768f);
    }

    @Test
    void nonFinite_skippedStep_leavesParametersAndMomentumUntouched() {
        GradientPipeline pipeline = new GradientPipeline(GradConfig.plain().withLossScaling(LossScaling.dynamic(4f, 2, 0.5, 1000)));
        float[] p = {1f, -2f, 0.5f}, buf = new float[3];
        float[][] unscaled = {{0.5f, 0.25f, -1f}, {1f, Float.NaN, 2f}, {-0.5f, 1f, 0.75f}};
        float[][] seen = new float[3][];
        for (int step = 0; step < 3; step++) {
            float[] g = new float[3];
            for (int i = 0; i < 3; i++) g[i] = unscaled[step][i] * pipeline.scale();
            Verdict v = pipeline.process(List.of(g));
            if (v.applies()) Kernels.sgd(p, g, buf, 0, 3, 0.1f, 0.9f, 0f, 0f, false, step == 0);
            seen[step] = new float[]{p[0], p[1], p[2], buf[0], buf[1], buf[2]};
        }
        // step 0: buf = g0 = (0.5, 0.25, −1) (scale 4 unscales exactly); p −= 0.1·buf
        assertThat(seen[0]).containsExactly(1f - 0.1f * 0.5f, -2f - 0.1f * 0.25f, 0.5f - 0.1f * -1f, 0.5f, 0.25f, -1f);
        assertThat(seen[1]).as("NaN step: nothing moves").containsExactly(seen[0]);
        // step 2 continues from step 0's state: buf = 0.9·buf + g2 at scale 2 (backed off), still exact
        float[] b2 = {0.9f * 0.5f + -0.5f, 0.9f * 0.25f + 1f, 0.9f * -1f + 0.75f};
        assertThat(seen[2]).containsExactly(seen[0][0] - 0.1f * b2[0], seen[0][1] - 0.1f * b2[1], seen[0][2] - 0.1f * b2[2],
                b2[0], b2[1], b2[2]);
        assertThat(pipeline.scale()).isEqualTo(2f);
    }

    @Test
    void unscale_finiteValueOverflowingAfterUnscale_isSkippedToo() {
        // a backed-off scale below 1 makes 1/scale > 1: PyTorch checks before unscaling and would pass this inf on
        GradientPipeline p = new GradientPipeline(GradConfig.plain().withLossScaling(LossScaling.dynamic(0.25f, 2, 0.5, 10)));
        Verdict v = p.process(List.of(new float[]{3e38f}));
        assertThat(v.applies()).isFalse();
    }

    @Test
    void fp16_countsOverflowAndUnderflow_andScalingRescuesSmallGradients() {
        float tiny = 1e-6f;                                    // below half's smallest normal 2^-14 ≈ 6.1e-5
        GradientPipeline plain = new GradientPipeline(GradConfig.plain().withFp16(true));
        float[] g = {tiny, 1e-9f, 70000f, 1f};
        plain.process(List.of(g));
        assertThat(plain.state().halfUnderflows()).as("1e-6 subnormal, 1e-9 to zero").isEqualTo(2);
        assertThat(plain.state().halfOverflows()).as("70000 > 65504").isEqualTo(1);
        assertThat(plain.state().skippedSteps()).isEqualTo(1);

        GradientPipeline scaled = new GradientPipeline(GradConfig.plain().withFp16(true).withLossScaling(LossScaling.dynamic()));
        float[] h = {tiny * scaled.scale()};                  // 0.0655…: a normal half
        scaled.process(List.of(h));
        assertThat(scaled.state().halfUnderflows()).isZero();
        assertThat(h[0]).isEqualTo(Half.round(tiny * 65536f) / 65536f).isCloseTo(tiny, within(tiny * 0x1p-11f));
    }

    @Test
    void restore_continuesExactlyLikeAnUninterruptedRun() {
        GradConfig config = new GradConfig(Clipping.byNorm(0.5), LossScaling.dynamic(1024f, 2, 0.5, 3), true);
        GradientPipeline whole = new GradientPipeline(config), first = new GradientPipeline(config);
        float[][] grads = {{0.1f, 0.2f}, {1f, 0.3f}, {Float.NaN, 0f}, {0.01f, 0.02f}, {0.4f, -0.1f}, {3f, 4f}, {1e-6f, 0f},
                {100f, 0f}, {0.2f, 0.2f}, {0.1f, -0.1f}};
        GradState saved = null;
        for (int step = 0; step < grads.length; step++) {
            Verdict v = whole.process(List.of(scaled(grads[step], whole.scale())));
            if (step < 5) first.process(List.of(scaled(grads[step], first.scale())));
            if (step == 4) saved = first.state();
            if (step >= 5) {
                if (step == 5) {
                    first = new GradientPipeline(config);
                    first.restore(saved);
                }
                assertThat(first.process(List.of(scaled(grads[step], first.scale())))).as("step %d", step).isEqualTo(v);
                assertThat(first.state()).isEqualTo(whole.state());
            }
        }
        assertThat(whole.state().skippedSteps()).as("NaN at step 2; 100·1024 overflows half at step 7").isEqualTo(2);
        assertThat(whole.state().clippedSteps()).isPositive();
    }

    private static float[] scaled(float[] g, float scale) {
        float[] out = new float[g.length];
        for (int i = 0; i < g.length; i++) out[i] = g[i] * scale;
        return out;
    }

    @Test
    void restore_trackerAtInterval_rejected() {
        GradientPipeline p = new GradientPipeline(GradConfig.plain().withLossScaling(LossScaling.dynamic(8f, 2, 0.5, 3)));
        assertThatThrownBy(() -> p.restore(new GradState(8f, 3, 10, 0, 0, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("growthTracker (3) must be < growthInterval (3)");
    }

    @Test
    void restore_scaleWhenScalingOff_rejected() {
        assertThatThrownBy(() -> pipeline(Clipping.none()).restore(new GradState(4f, 0, 0, 0, 0, 0, 0)))
                .hasMessage("scale (4.0) must be 1 when loss scaling is off");
    }

    @Test
    void state_negativeCount_rejected() {
        assertThatThrownBy(() -> new GradState(1f, 0, 5, -1, 0, 0, 0)).hasMessage("skippedSteps (-1) must be >= 0");
        assertThatThrownBy(() -> new GradState(Float.NaN, 0, 0, 0, 0, 0, 0)).hasMessage("scale (NaN) must be > 0 and finite");
    }
}
