package dev.anneal.djl;

import dev.anneal.spec.Spec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Cycle ends of warm-restart schedules, probability averaging and the disagreement-driven selection. */
class SnapshotsTest {

    @Test
    void cycleEnds_sgdr_lastStepOfEachCycle() {
        assertThat(Snapshots.cycleEnds(Spec.parse("sgdr(0.1, 10, 1, 0)"), 35)).containsExactly(9L, 19L, 29L);
        assertThat(Snapshots.cycleEnds(Spec.parse("sgdr(0.1, 5, 2, 0)"), 40)).containsExactly(4L, 14L, 34L); // cycles of 5, 10, 20
    }

    @Test
    void cycleEnds_warmupAndCosine_none() {
        assertThat(Snapshots.cycleEnds(Spec.parse("warmup(10, cosine(0.1, 90))"), 100)).isEmpty();
    }

    @Test
    void cycleEnds_triangular_atEachTrough() {
        // cyclic(0.01, 0.1, 5): up 5 steps, down 5; troughs at 10, 20 (step 0 starts the first cycle)
        assertThat(Snapshots.cycleEnds(Spec.parse("cyclic(0.01, 0.1, 5)"), 25)).containsExactly(10L, 20L);
    }

    @Test
    void average_isTheMeanProbability() {
        float[] avg = Snapshots.average(List.of(probs(0, 1f), probs(1, 0.5f)));
        // class 0: (1 + 0.5/9) / 2; class 1: (0 + 0.5) / 2
        assertThat((double) avg[0]).isCloseTo((1 + 0.5 / 9) / 2, org.assertj.core.api.Assertions.within(1e-7));
        assertThat((double) avg[1]).isCloseTo(0.25, org.assertj.core.api.Assertions.within(1e-7));
    }

    @Test
    void disagreement_isTheFractionThatDiffers() {
        assertThat(Snapshots.disagreement(new int[] {1, 2, 3, 4}, new int[] {1, 0, 3, 0})).isEqualTo(0.5);
    }

    @Test
    void select_keepsADisagreeingMemberThatHelps_dropsOneThatHurts() {
        // three images labelled 0, 1, 2. The last snapshot gets images 0 and 1 right and is unsure on 2; snapshot 0
        // disagrees on image 2 and is right there (kept: accuracy 2/3 → 1); snapshot 1 is confidently wrong on
        // 0 and 1 (disagrees most at first, but would lower the accuracy, so it is dropped).
        Images three = new Images(new byte[3 * FashionMnist.PIXELS], new byte[] {0, 1, 2});
        float[] last = concat(probs(0, 0.9f), probs(1, 0.9f), mix(3, 0.40f, 2, 0.35f));
        float[] right = concat(probs(0, 0.6f), probs(1, 0.6f), probs(2, 0.9f));
        float[] wrong = concat(probs(5, 1f), probs(6, 1f), probs(7, 1f));
        List<Integer> chosen = Snapshots.select(List.of(right, wrong, last), three);
        assertThat(chosen).containsExactly(2, 0);
    }

    /** Probability p on class c, the rest spread over the others. */
    private static float[] probs(int c, float p) {
        float[] out = new float[FashionMnist.CLASSES];
        java.util.Arrays.fill(out, (1 - p) / (FashionMnist.CLASSES - 1));
        out[c] = p;
        return out;
    }

    private static float[] mix(int a, float pa, int b, float pb) {
        float[] out = new float[FashionMnist.CLASSES];
        java.util.Arrays.fill(out, (1 - pa - pb) / (FashionMnist.CLASSES - 2));
        out[a] = pa;
        out[b] = pb;
        return out;
    }

    private static float[] concat(float[]... rows) {
        float[] out = new float[rows.length * FashionMnist.CLASSES];
        for (int i = 0; i < rows.length; i++) System.arraycopy(rows[i], 0, out, i * FashionMnist.CLASSES, FashionMnist.CLASSES);
        return out;
    }
}
