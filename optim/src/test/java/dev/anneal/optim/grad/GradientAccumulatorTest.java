package dev.anneal.optim.grad;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Accumulation over K micro-batches: mean and sum, the exact K× relation between them, readiness, checks. */
class GradientAccumulatorTest {

    @Test
    void mean_ofThreeMicroBatches_handComputed() {
        GradientAccumulator acc = new GradientAccumulator(3, Reduction.MEAN);
        float[] step = new float[2];
        assertThat(acc.add(List.of(new float[]{1f, -2f}), List.of(step))).isFalse();
        assertThat(acc.add(List.of(new float[]{2f, 4f}), List.of(step))).isFalse();
        assertThat(acc.pending()).isEqualTo(2);
        assertThat(acc.add(List.of(new float[]{6f, 1f}), List.of(step))).isTrue();
        assertThat(step).containsExactly(3f, 1f);
        assertThat(acc.pending()).isZero();
    }

    @Test
    void flush_endsAShortStep_meanOverTheMicroBatchesAdded_noneAddedChangesNothing() {
        GradientAccumulator acc = new GradientAccumulator(4, Reduction.MEAN);
        float[] step = {9f};
        assertThat(acc.flush(List.of(step))).isFalse();
        assertThat(step).containsExactly(9f);
        acc.add(List.of(new float[]{1f}), List.of(step));
        acc.add(List.of(new float[]{4f}), List.of(step));
        assertThat(acc.flush(List.of(step))).isTrue();
        assertThat(step).containsExactly(2.5f); // (1 + 4) / 2, not / 4
        assertThat(acc.pending()).isZero();
        GradientAccumulator sum = new GradientAccumulator(4, Reduction.SUM);
        sum.add(List.of(new float[]{1f}), List.of(step));
        sum.add(List.of(new float[]{4f}), List.of(step));
        assertThat(sum.flush(List.of(step))).isTrue();
        assertThat(step).containsExactly(5f);
    }

    @Test
    void nextStep_startsFresh_ignoringWhatTheBlocksHeld() {
        GradientAccumulator acc = new GradientAccumulator(2, Reduction.SUM);
        float[] step = {100f};
        acc.add(List.of(new float[]{1f}), List.of(step));
        acc.add(List.of(new float[]{2f}), List.of(step));
        assertThat(step).containsExactly(3f);
        acc.add(List.of(new float[]{5f}), List.of(step));
        acc.add(List.of(new float[]{7f}), List.of(step));
        assertThat(step).containsExactly(12f);
    }

    /** SUM is K times MEAN: exactly when K is a power of two, and always MEAN == SUM / K rounded once. */
    @Property
    void sum_isKTimesMean(@ForAll @Size(min = 1, max = 8) List<@FloatRange(min = -1e3f, max = 1e3f) Float> values,
                          @ForAll @IntRange(min = 1, max = 9) int k) {
        float[] mean = new float[values.size()], sum = new float[values.size()];
        GradientAccumulator m = new GradientAccumulator(k, Reduction.MEAN), s = new GradientAccumulator(k, Reduction.SUM);
        for (int j = 0; j < k; j++) {
            float[] micro = new float[values.size()];
            for (int i = 0; i < micro.length; i++) micro[i] = values.get(i) * (j + 1);   // different micro-batches
            assertThat(m.add(List.of(micro.clone()), List.of(mean))).isEqualTo(j == k - 1);
            s.add(List.of(micro), List.of(sum));
        }
        for (int i = 0; i < mean.length; i++) {
            assertThat(mean[i]).isEqualTo(sum[i] / k);
            if (Integer.bitCount(k) == 1) assertThat(mean[i] * k).isEqualTo(sum[i]);
        }
    }

    @Test
    void sum_withSgd_movesKTimesAsFar() {
        float lr = 0.125f, k = 4;
        float[] mean = new float[1], sum = new float[1];
        GradientAccumulator m = new GradientAccumulator(4, Reduction.MEAN), s = new GradientAccumulator(4, Reduction.SUM);
        for (float g : new float[]{0.5f, 1.5f, -0.25f, 2.25f}) {
            m.add(List.of(new float[]{g}), List.of(mean));
            s.add(List.of(new float[]{g}), List.of(sum));
        }
        float[] pMean = {1f}, pSum = {1f};
        dev.anneal.optim.Kernels.sgd(pMean, mean, null, 0, 1, lr, 0f, 0f, 0f, false, false);
        dev.anneal.optim.Kernels.sgd(pSum, sum, null, 0, 1, lr, 0f, 0f, 0f, false, false);
        assertThat(1f - pSum[0]).isEqualTo(k * (1f - pMean[0]));   // 4 · 0.125 = 0.5 vs 0.125 · 1 = … exact in binary
    }

    @Test
    void mismatchedBlocks_rejectedNamingTheBlock() {
        GradientAccumulator acc = new GradientAccumulator(2, Reduction.MEAN);
        assertThatThrownBy(() -> acc.add(List.of(new float[3]), List.of(new float[3], new float[1])))
                .hasMessage("micro (1 blocks) must have as many blocks as step (2)");
        assertThatThrownBy(() -> acc.add(List.of(new float[1], new float[5]), List.of(new float[1], new float[4])))
                .hasMessage("micro block 1 (5 values) must be as long as step block 1 (4)");
        assertThat(acc.pending()).as("a rejected micro-batch is not counted").isZero();
    }

    @Test
    void zeroMicroBatches_rejected() {
        assertThatThrownBy(() -> new GradientAccumulator(0, Reduction.MEAN)).hasMessage("microBatches (0) must be > 0");
    }
}
