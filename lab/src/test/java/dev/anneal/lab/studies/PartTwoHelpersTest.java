package dev.anneal.lab.studies;

import dev.anneal.lab.task.BilinearGame;
import dev.anneal.optim.grad.Reduction;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The measurements issue 16's studies compute, against hand-worked values. */
class PartTwoHelpersTest {

    @Test
    void logSteps_areStep0ThenGeometricFrom1ToTheLast() {
        // 20,000 steps over 4 points: 20000^(i/4) = 1, 11.9, 141.4, 1681.8, 20000
        assertThat(Curves.logSteps(20000, 4)).containsExactly(0, 1, 12, 141, 1682, 20000);
        // a short run: duplicates of the rounded powers are dropped, the grid stays strictly increasing
        assertThat(Curves.logSteps(3, 10)).containsExactly(0, 1, 2, 3);
    }

    @Test
    void median_isTheMiddleValueOrTheMeanOfTheTwoMiddleOnes_pointByPointForRuns() {
        assertThat(Curves.median(new double[] {5, 1, 3})).isEqualTo(3);
        assertThat(Curves.median(new double[] {4, 1, 3, 10})).isEqualTo(3.5);
        double[] unsorted = {2, 1};
        Curves.median(unsorted);
        assertThat(unsorted).containsExactly(2, 1);
        // three runs of two points: medians {2, 1, 9} → 2 and {20, 30, 10} → 20
        assertThat(Curves.median(new double[][] {{2, 20}, {1, 30}, {9, 10}})).containsExactly(2, 20);
    }

    @Test
    void s48_dampingRatioOfFittedRoots_matchesTheHandValue() {
        // roots 0.9·e^(±0.3i): b = 2·0.9·cos 0.3, c = 0.81; ζ = −ln 0.9 / √(ln²0.9 + 0.3²) = 0.331360
        assertThat(S48DampingRatio.rootsZeta(2 * 0.9 * Math.cos(0.3), 0.81)).isCloseTo(0.331360, within(1e-6));
        // two real roots 0.5 and 0.25: b = 0.75, c = 0.125; ζ = −(ln 0.5 + ln 0.25) / (2√(ln 0.5 · ln 0.25)) = 3/(2√2)
        assertThat(S48DampingRatio.rootsZeta(0.75, 0.125)).isCloseTo(3 / (2 * Math.sqrt(2)), within(1e-12));
    }

    @Test
    void s48_heavyBallTrajectoryFit_recoversTheRecurrence() {
        // β = 0.9 and h = 0.5: b = 1.4, c = 0.9 (complex pair): the fit of optim's trajectory gives the same ζ to float precision
        assertThat(S48DampingRatio.fittedZeta(0.5, 1)).isCloseTo(S48DampingRatio.rootsZeta(1.4, 0.9), within(1e-5));
    }

    @Test
    void s52_summedAccumulation_multipliesTheStepByK() {
        for (int k : new int[] {2, 4, 8}) {
            assertThat(S52SummedAccumulation.rate(k, Reduction.MEAN)).isCloseTo(0.01, within(1e-7));
            assertThat(S52SummedAccumulation.rate(k, Reduction.SUM)).isCloseTo(0.01 * k, within(1e-6));
        }
    }

    @Test
    void s37_objective_isTheSquaredWeightedDriftSummedOverRounds() {
        // two clients, one coordinate and two rounds: Σ_r (W₁,r·d₁ + W₂,r·d₂)²; d = (1, −1); W = [[1, 2], [1, 1]] → (1 − 1)² + (2 − 1)² = 1
        double[][] w = new double[S37FederatedPhases.CLIENTS][2], d = new double[S37FederatedPhases.CLIENTS][S37FederatedPhases.DIM];
        w[0] = new double[] {1, 2};
        w[1] = new double[] {1, 1};
        d[0][0] = 1;
        d[1][0] = -1;
        assertThat(S37FederatedPhases.objective(w, d)).isEqualTo(1);
    }

    @Test
    void s37_weights_sumTheRatesOfTheLocalSteps() {
        // one local step per round at phase 0 reads the cycle at ticks 0, 16, 32: 0.01, then up by (0.2 − 0.01)·16/32 per round
        double[] w = S37FederatedPhases.weights(1, 64, 0, 3);
        assertThat(w).containsExactly(new double[] {0.01, 0.105, 0.2}, within(1e-12));
    }

    @Test
    void s37_design_neverWorsensTheObjectiveItStartsFrom() {
        var rng = new java.util.SplittableRandom(4);
        int n = S37FederatedPhases.CLIENTS;
        int[] tau = new int[n], periods = new int[n];
        double[] phases = new double[n];
        double[][] d = new double[n][S37FederatedPhases.DIM];
        for (int k = 0; k < n; k++) {
            tau[k] = 4 + rng.nextInt(13);
            periods[k] = S37FederatedPhases.PERIOD;
            for (int i = 0; i < d[k].length; i++) d[k][i] = rng.nextGaussian();
        }
        double before = S37FederatedPhases.objective(S37FederatedPhases.weights(tau, periods, phases, 20), d);
        S37FederatedPhases.design(tau, d, 20, periods, phases);
        assertThat(S37FederatedPhases.objective(S37FederatedPhases.weights(tau, periods, phases, 20), d)).isLessThanOrEqualTo(before);
    }

    @Test
    void s26_mostDiverseSubset_takesTheOutliers() {
        List<double[]> pred = List.of(new double[] {0}, new double[] {0}, new double[] {0}, new double[] {0}, new double[] {-7}, new double[] {7});
        // pairs of {0, 4, 5}: 49 + 49 + 196 = 294, against 0 + 49 + 49 = 98 for {0, 1, 5}: the first such subset wins
        assertThat(S26SnapshotEnsemble.mostDiverse(pred)).containsExactly(0, 4, 5);
        assertThat(S26SnapshotEnsemble.average(pred, new int[] {4, 5})).containsExactly(0.0);
        assertThat(S26SnapshotEnsemble.pairwise(pred, new int[] {0, 4, 5})).isEqualTo(294.0 / 3);
    }

    @Test
    void s59_correlation_ofHandSeries() {
        assertThat(S59CurriculumCorrelation.correlation(new double[] {1, 2, 3}, new double[] {2, 4, 6})).isCloseTo(1, within(1e-12));
        assertThat(S59CurriculumCorrelation.correlation(new double[] {1, 2, 3}, new double[] {3, 2, 1})).isCloseTo(-1, within(1e-12));
        assertThat(S59CurriculumCorrelation.correlation(new double[] {1, 2, 3}, new double[] {5, 5, 5})).isZero();
    }

    @Test
    void s32_simultaneousStepsAtAConstantRate_growAsTheGameSays() {
        // simultaneous descent–ascent at η grows each pair's radius by √(1 + η²σ²) per step; with φ = 0 both players share the
        // cyclic rate, and the log-growth over a whole number of periods is the sum of log10 √(1 + η(t)²σ²)
        BilinearGame game = new BilinearGame(new double[] {1});
        float[] x = {1}, y = {0};
        double measured = S32GanPhase.growth(game, x, y, 0, false, 100);
        var lr = dev.anneal.spec.Spec.parse(S32GanPhase.lr(), 100);
        double expected = 0;
        for (int t = 0; t < 100; t++) expected += Math.log10(game.simultaneousGrowth(lr.at(t), 0));
        assertThat(measured).isCloseTo(expected, within(1e-4));
    }
}
