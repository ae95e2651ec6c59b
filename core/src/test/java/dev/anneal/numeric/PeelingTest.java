package dev.anneal.numeric;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Peeling on synthetic curves with multiplicative Gaussian noise y·exp(σε), seeded. Coverage is counted over 200
 * seeds: nominal 95% intervals must contain the true slow rate in at least 183 of them (the binomial 1st percentile
 * at p = 0.95), the fast rate in at least 175 (87.5%: its interval leaves out the subtracted slow component's
 * uncertainty; observed 180 and 193).
 */
class PeelingTest {

    private static final int SEEDS = 200;

    /** Samples t = 0, dt, …, (n−1)·dt of floor + curve(t) with the curve's excess multiplied by exp(σε). */
    private static double[][] sample(DoubleUnaryOperator curve, double floor, int n, double dt, double sigma, long seed) {
        Random rng = new Random(seed);
        double[] t = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * dt;
            y[i] = floor + curve.applyAsDouble(t[i]) * Math.exp(sigma * rng.nextGaussian());
        }
        return new double[][] {t, y};
    }

    /** The decay chain P → D → S of seed 000: N_D ∝ e^(−λP t) − e^(−λD t) with λP = 0.05, λD = 0.5. */
    @Test
    void peel_decayChain_recoversBothRatesWithinIntervals() {
        double slowRate = 0.05, fastRate = 0.5;
        DoubleUnaryOperator chain = t -> 2 * (Math.exp(-slowRate * t) - Math.exp(-fastRate * t));
        int slowHits = 0, fastHits = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            double[][] d = sample(chain, 0, 200, 0.5, 0.01, seed);
            Peeling p = Peeling.peel(d[0], d[1], 0, 5, 30, 0.95);
            assertThat(p.slow().rate().estimate()).isCloseTo(slowRate, within(0.1 * slowRate));
            assertThat(p.fast().rate().estimate()).isCloseTo(fastRate, within(0.1 * fastRate));
            assertThat(p.fast().amplitude()).isNegative();
            if (p.slow().rate().contains(slowRate)) slowHits++;
            if (p.fast().rate().contains(fastRate)) fastHits++;
        }
        assertThat(slowHits).as("slow coverage").isGreaterThanOrEqualTo(183);
        assertThat(fastHits).as("fast coverage").isGreaterThanOrEqualTo(175);
    }

    /** Two decaying components over a floor, as a loss curve: 0.3 + 1.5e^(−0.02t) + 3e^(−0.3t). */
    @Test
    void peel_lossCurveOverFloor_recoversBothRatesAndAmplitudes() {
        DoubleUnaryOperator loss = t -> 1.5 * Math.exp(-0.02 * t) + 3 * Math.exp(-0.3 * t);
        int slowHits = 0, fastHits = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            double[][] d = sample(loss, 0.3, 300, 1, 0.02, 1000 + seed);
            Peeling p = Peeling.peel(d[0], d[1], 0.3, 10, 60, 0.95);
            assertThat(p.slow().amplitude()).isCloseTo(1.5, within(0.1));
            assertThat(p.fast().amplitude()).isCloseTo(3, within(0.3));
            if (p.slow().rate().contains(0.02)) slowHits++;
            if (p.fast().rate().contains(0.3)) fastHits++;
        }
        assertThat(slowHits).as("slow coverage").isGreaterThanOrEqualTo(183);
        assertThat(fastHits).as("fast coverage").isGreaterThanOrEqualTo(175);
    }

    @Test
    void exponentialFit_lateSlopeOfLossMinusFloor() {
        int hits = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            double[][] d = sample(t -> 2 * Math.exp(-0.01 * t), 0.1, 100, 5, 0.05, 5000 + seed);
            ExponentialFit fit = ExponentialFit.of(d[0], d[1], 0.1, 0.95);
            if (fit.rate().contains(0.01)) hits++;
        }
        assertThat(hits).as("coverage").isGreaterThanOrEqualTo(183);
    }

    @Test
    void noiseless_exactRatesAndAmplitudes() {
        double[][] d = sample(t -> 4 * Math.exp(-0.1 * t) + Math.exp(-2 * t), 0, 400, 0.25, 0, 0);
        Peeling p = Peeling.peel(d[0], d[1], 0, 2, 30, 0.95);
        assertThat(p.slow().rate().estimate()).isCloseTo(0.1, within(1e-12));
        assertThat(p.slow().amplitude()).isCloseTo(4, within(1e-10));
        assertThat(p.fast().rate().estimate()).isCloseTo(2, within(1e-6));
        assertThat(p.fast().amplitude()).isCloseTo(1, within(1e-6));
        assertThat(p.at(0.5, 0)).isCloseTo(4 * Math.exp(-0.05) + Math.exp(-1), within(1e-6));
    }

    @Test
    void badInput_rejectedWithTheRule() {
        double[] t = {0, 1, 2, 3, 4, 5}, y = {3, 2, 1.5, 1.2, 1.1, 1.05};
        assertThatThrownBy(() -> Peeling.peel(t, y, 0, 2, 4, 0.95))
                .hasMessage("slow window (t >= 4.0) has 2 points: it must hold at least 3");
        assertThatThrownBy(() -> Peeling.peel(t, y, 0, 2, 3, 0.95))
                .hasMessageStartingWith("fast window (t < 2.0) has 2 points");
        assertThatThrownBy(() -> Peeling.peel(t, y, 1.1, 1, 3, 0.95)).hasMessageStartingWith("y[4] − floor (0");
        assertThatThrownBy(() -> Peeling.peel(t, y, 0, 4, 3, 0.95)).hasMessage("fastUntil (4.0) must be <= slowFrom (3.0)");
        assertThatThrownBy(() -> Peeling.peel(new double[] {0, 2, 1}, new double[] {1, 1, 1}, 0, 1, 1, 0.95))
                .hasMessage("t[2] (1) must be > t[1] (2.0)");
        assertThatThrownBy(() -> Peeling.peel(t, new double[] {1}, 0, 1, 1, 0.95)).hasMessage("t and y must have the same length (6 and 1)");
        assertThatThrownBy(() -> ExponentialFit.of(new double[] {0, 1}, new double[] {1, 1}, 0, 0.95)).hasMessage("points (2) must be >= 3");
    }
}
