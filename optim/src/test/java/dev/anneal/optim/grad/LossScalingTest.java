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
