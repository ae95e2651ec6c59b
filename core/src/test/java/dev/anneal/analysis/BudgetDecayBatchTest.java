package dev.anneal.analysis;

import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Spec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Movement budget, AdamW shrinkage and λpost, and the batch-size rules, against hand-computed values. */
class BudgetDecayBatchTest {

    @Test
    void budget_constant_reachesDistanceAtHandComputedStep() {
        Schedule s = Schedule.constant(0.01);
        Budget b = Budget.of(s, 1000, 2, 1, HorizonSums.of(s, 1000), RobbinsMonro.of(s, 1000).sum());
        assertThat(b.horizon()).isCloseTo(20, within(1e-12));
        assertThat(b.infinite()).isInfinite();
        assertThat(b.freezes()).isFalse();
        assertThat(b.reachStep()).isEqualTo(49); // 2·0.01·(t+1) ≥ 1
    }

    @Test
    void budget_exponential_freezesWhereTheTailFallsBelowOnePercent() {
        Schedule s = Schedule.exponential(0.1, 0.9); // Σ to ∞ = 1
        Budget b = Budget.of(s, 1000, 1, 5, HorizonSums.of(s, 1000), RobbinsMonro.of(s, 1000).sum());
        assertThat(b.infinite()).isCloseTo(1, within(1e-14));
        assertThat(b.freezes()).isTrue();
        // remaining after step t: 0.9^(t+1) < 0.05  ⇔  t + 1 > ln 0.05 / ln 0.9 = 28.43
        assertThat(b.freezeStep()).isEqualTo(28);
    }

    @Test
    void decay_constantRate_isPowerOfOneFactor() {
        Decay d = Decay.of(Schedule.constant(0.01), 500, 0.1, 0);
        assertThat(d.shrinkage()).isCloseTo(Math.pow(1 - 0.001, 500), within(1e-14));
        assertThat(d.postWarmup()).isEqualTo(0.1);
        assertThat(d.firstNonPositive()).isEqualTo(-1);
    }

    @Test
    void decay_lambdaPost_givesTheSameShrinkage_closedFormAfterConstantWarmup() {
        Schedule s = Spec.parse("warmup(10, constant(0.1))");
        long n = 100, w = 10;
        double lambda = 0.5, total = 1;
        for (long t = 0; t < n; t++) total *= 1 - s.at(t) * lambda;
        Decay d = Decay.of(s, n, lambda, w);
        assertThat(d.shrinkage()).isCloseTo(total, within(1e-14));
        // (1 − 0.1·λpost)^(n − w) = total
        double expected = (1 - Math.pow(total, 1.0 / (n - w))) / 0.1;
        assertThat(d.postWarmup()).isCloseTo(expected, within(1e-13));
        assertThat(d.postWarmup()).isGreaterThan(lambda);
    }

    @Test
    void decay_factorNotPositive_reportsStep() {
        Decay d = Decay.of(Spec.parse("linear(0, 2, steps=10)"), 10, 1, 0); // η = 0.2t; 1 − 0.2t ≤ 0 from t = 5
        assertThat(d.firstNonPositive()).isEqualTo(5);
        assertThat(d.shrinkage()).isEqualTo(0.0); // the factor at step 5 is exactly 0
    }

    @Test
    void warmupLength_readFromStructure() {
        assertThat(WarmupLength.of(Spec.parse("warmup(100, cosine(1, steps=10))"))).isEqualTo(100);
        assertThat(WarmupLength.of(Spec.parse("wsd(1, warmup=20, stable=10, decay=10)"))).isEqualTo(20);
        assertThat(WarmupLength.of(Spec.parse("linear(0, 1, steps=30) then cosine(1, steps=10)"))).isEqualTo(30);
        assertThat(WarmupLength.of(Spec.parse("cosine(1, steps=10)"))).isZero();
        assertThat(WarmupLength.of(Spec.parse("onecycle(1, steps=100)"))).isEqualTo(29);
    }

    @Test
    void batchRules_linearSqrtAndSumModeTarget() {
        BatchRules r = new BatchRules(0.1, 1024, 256, 4, true, 0.38);
        assertThat(r.linear()).isCloseTo(0.4, within(1e-15));
        assertThat(r.sqrt()).isCloseTo(0.2, within(1e-15));
        assertThat(r.hiddenFactor()).isEqualTo(4);
        assertThat(r.target()).isEqualTo(0.38);
        assertThat(r.configuredPeak()).isCloseTo(0.095, within(1e-15));
        BatchRules mean = new BatchRules(0.1, 512, 256, 4, false, 0.38);
        assertThat(mean.hiddenFactor()).isEqualTo(1);
        assertThat(mean.target()).isCloseTo(0.2, within(1e-15));
        assertThat(mean.configuredPeak()).isCloseTo(0.2, within(1e-15));
    }
}
