package dev.anneal.optim.grad;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scale update rule, its defaults, its float32 cap and its checks. */
class LossScalingTest {

    @Test
    void dynamic_defaults_areGradScalers() {
        assertThat(LossScaling.dynamic()).isEqualTo(new LossScaling.Dynamic(65536f, 2.0, 0.5, 2000));
    }

    @Test
    void growth_atFloatMax_keepsTheScale() {
        float big = 0x1p127f;                                  // doubling gives 2^128: beyond float32
        LossScaling.Dynamic d = new LossScaling.Dynamic(big, 2, 0.5, 1);
        GradState s = d.next(GradState.initial(d), false);
        assertThat(s.scale()).isEqualTo(big);
        assertThat(s.growthTracker()).isZero();
    }

    @Test
    void growthAndBackoff_followTheInterval() {
        GradientPipeline p = new GradientPipeline(GradConfig.plain().withLossScaling(LossScaling.dynamic(8f, 2, 0.5, 2)));
        float[] scales = new float[6];
        boolean[] overflow = {false, false, false, true, false, false};
        for (int step = 0; step < overflow.length; step++) {
            p.process(List.of(new float[]{overflow[step] ? Float.NaN : 1f}));
            scales[step] = p.scale();
        }
        // 2 clean → ×2; 1 clean; overflow → ×0.5 and reset; 2 clean → ×2
        assertThat(scales).containsExactly(8f, 16f, 16f, 8f, 8f, 16f);
    }

    @Test
    void gradientsNonFiniteAtEveryScale_stopWithALossScaleUnderflow_notAnInternalError() {
        GradientPipeline p = new GradientPipeline(GradConfig.plain().withLossScaling(LossScaling.dynamic()));
        p.process(List.of(new float[]{Float.NaN}));
        p.process(List.of(new float[]{1f}));                       // a clean step ends the run of skips
        assertThat(p.scale()).isEqualTo(0x1p15f);
        // 2^15 halves to 2^(15-k) at the k-th skip in a row; 1/2^-128 = 2^128 is past Float.MAX_VALUE, so the
        // 143rd skip (to 2^-128) is the first that would leave a scale that cannot unscale.
        for (int k = 1; k < 143; k++) assertThat(p.process(List.of(new float[]{Float.POSITIVE_INFINITY})).applies()).isFalse();
        assertThat(p.scale()).isEqualTo(0x1p-127f);
        GradState before = p.state();
        assertThatThrownBy(() -> p.process(List.of(new float[]{0f, Float.NaN})))
                .isInstanceOfSatisfying(LossScaleUnderflow.class, e -> assertThat(e.skippedInARow()).isEqualTo(143))
                .hasMessage("the dynamic loss scale underflowed: after 143 consecutive steps with non-finite gradients it fell from 32768 to "
                        + dev.anneal.schedule.Checks.format((double) 0x1p-128f) + ", where 1/scale is not a finite float; the gradients are inf or NaN at"
                        + " any scale (the last: gradient block 0 index 1 is NaN (1 non-finite value): step skipped, loss scale "
                        + dev.anneal.schedule.Checks.format((double) 0x1p-127f) + " → " + dev.anneal.schedule.Checks.format((double) 0x1p-128f) + ")");
        assertThat(p.state()).isEqualTo(before);                   // the failed step changed nothing
    }

    @Test
    void aBackoffStraightToZero_isTheSameFault() {
        GradientPipeline p = new GradientPipeline(GradConfig.plain().withLossScaling(LossScaling.dynamic(1f, 2, 1e-50, 10)));
        assertThatThrownBy(() -> p.process(List.of(new float[]{Float.NaN})))
                .isInstanceOf(LossScaleUnderflow.class).hasMessageContaining("after 1 consecutive steps").hasMessageContaining("fell from 1 to 0");
    }

    @Test
    void fixed_unscalesTheGradients_skipsAnOverflow_andKeepsItsScale() {
        GradientPipeline p = new GradientPipeline(GradConfig.plain().withLossScaling(LossScaling.fixed(1024f)));
        float[] g = {2048f};
        assertThat(p.process(List.of(g)).applies()).isTrue();
        assertThat(g).containsExactly(2f);
        assertThat(p.process(List.of(new float[]{Float.POSITIVE_INFINITY})).applies()).isFalse();
        assertThat(p.scale()).isEqualTo(1024f);
        assertThat(p.state().skippedSteps()).isEqualTo(1);
        GradientPipeline other = new GradientPipeline(GradConfig.plain().withLossScaling(LossScaling.fixed(512f)));
        assertThatThrownBy(() -> other.restore(p.state())).hasMessageContaining("must be the static scale 512");
    }

    @Test
    void off_keepsScaleOne() {
        GradientPipeline p = new GradientPipeline(GradConfig.plain());
        p.process(List.of(new float[]{Float.NaN}));
        p.process(List.of(new float[]{1f}));
        assertThat(p.scale()).isEqualTo(1f);
    }

    @Test
    void badSettings_rejectedWithNameValueAndRule() {
        assertThatThrownBy(() -> LossScaling.dynamic(0f, 2, 0.5, 10)).hasMessage("initScale (0) must be > 0 and finite");
        assertThatThrownBy(() -> LossScaling.dynamic(1f, 1, 0.5, 10)).hasMessage("growthFactor (1) must be > 1 and finite");
        assertThatThrownBy(() -> LossScaling.dynamic(1f, 2, 1, 10)).hasMessage("backoffFactor (1) must be in (0, 1)");
        assertThatThrownBy(() -> LossScaling.dynamic(1f, 2, Double.NaN, 10)).hasMessage("backoffFactor (NaN) must be in (0, 1)");
        assertThatThrownBy(() -> LossScaling.dynamic(1f, 2, 0.5, 0)).hasMessage("growthInterval (0) must be > 0");
        assertThatThrownBy(() -> Clipping.byNorm(-1)).hasMessage("maxNorm (-1) must be > 0 and finite");
        assertThatThrownBy(() -> Clipping.byValue(Double.POSITIVE_INFINITY)).hasMessage("limit (Infinity) must be > 0 and finite");
    }
}
