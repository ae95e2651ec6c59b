package dev.anneal.lab.studies;

import dev.anneal.lab.Table;
import dev.anneal.lab.Trial;
import dev.anneal.lab.Verdict;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** S40's verdict on synthetic lost shares: each outcome is reachable, and the derived number is computed as stated. */
class S40GradNormBrakeTest {
    private static final S40GradNormBrake STUDY = new S40GradNormBrake();

    /** Five seeds with the given lost shares of the fixed LR and the brake (reference 0, no cuts). */
    private static Verdict verdict(double[] fixed, double[] braked) {
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < fixed.length; i++) trials.add(S40GradNormBrake.metrics(fixed[i], braked[i], 0, 0, 0));
        return STUDY.rule().judge(Table.of(trials)).verdict();
    }

    @Test
    void brakeRecoversMostLostRuns_reproduced() {
        assertThat(verdict(new double[] {0.5, 0.25, 0.5, 0.42, 0.33}, new double[] {0, 0.08, 0, 0, 0.08})).isEqualTo(Verdict.REPRODUCED);
    }

    @Test
    void brakeLosesMoreThanTheFixedLr_notReproduced() {
        assertThat(verdict(new double[] {0.5, 0.25, 0.5, 0.42, 0.33}, new double[] {0.58, 0.33, 0.58, 0.5, 0.42})).isEqualTo(Verdict.NOT_REPRODUCED);
    }

    @Test
    void brakeLosesExactlyTheSameRuns_inconclusiveAsInseparable() {
        double[] lost = {0.5, 0.25, 0.5, 0.42, 0.33};
        assertThat(verdict(lost, lost)).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void brakeRecoversAFewOnEverySeed_reproduced() {
        // the claim is that it recovers runs, not more than half of them: fewer lost on every seed is enough
        assertThat(verdict(new double[] {0.5, 0.42, 0.5, 0.42, 0.5}, new double[] {0.42, 0.33, 0.42, 0.33, 0.42}))
                .isEqualTo(Verdict.REPRODUCED);
    }

    @Test
    void brakeRecoversOnSomeSeedsLosesOnOthers_inconclusive() {
        assertThat(verdict(new double[] {0.5, 0.42, 0.5, 0.42, 0.5}, new double[] {0.33, 0.5, 0.42, 0.5, 0.5}))
                .isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void fixedLrLosesNothing_inconclusive() {
        // nothing to recover: the claim is not tested
        double[] none = {0, 0, 0, 0, 0};
        assertThat(verdict(none, none)).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void excess_isBrakesShareMinusHalfTheFixedShare() {
        assertThat(S40GradNormBrake.metrics(0.5, 0.1, 0, 3, 0).metrics().get(S40GradNormBrake.EXCESS)).isCloseTo(-0.15, org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void lost_divergedOrNoBetterThanTheStart() {
        assertThat(S40GradNormBrake.lost(new double[] {1, 0.5, Double.POSITIVE_INFINITY})).isTrue();
        assertThat(S40GradNormBrake.lost(new double[] {1, 0.5, 1})).isTrue();
        assertThat(S40GradNormBrake.lost(new double[] {1, 5, 0.99})).isFalse();
    }
}
