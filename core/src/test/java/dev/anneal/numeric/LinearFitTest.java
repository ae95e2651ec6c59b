package dev.anneal.numeric;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LinearFitTest {

    /** By hand: x̄ = 1.5, ȳ = 2.75, Sxx = 5, Sxy = 5.5, RSS = 2.7, s² = 1.35. */
    @Test
    void of_smallTable_matchesHandComputation() {
        LinearFit fit = LinearFit.of(new double[] {0, 1, 2, 3}, new double[] {1, 3, 2, 5});
        assertThat(fit.slope()).isCloseTo(1.1, within(1e-14));
        assertThat(fit.intercept()).isCloseTo(1.1, within(1e-14));
        assertThat(fit.residualSd()).isCloseTo(Math.sqrt(1.35), within(1e-14));
        assertThat(fit.slopeError()).isCloseTo(Math.sqrt(1.35 / 5), within(1e-14));
        assertThat(fit.interceptError()).isCloseTo(Math.sqrt(1.35 * (0.25 + 2.25 / 5)), within(1e-14));
        // df = 2: t(0.975, 2) = 0.95 / √(2·0.975·0.025)
        Interval slope = fit.slopeInterval(0.95);
        double half = 0.95 / Math.sqrt(2 * 0.975 * 0.025) * Math.sqrt(1.35 / 5);
        assertThat(slope.low()).isCloseTo(1.1 - half, within(1e-9));
        assertThat(slope.high()).isCloseTo(1.1 + half, within(1e-9));
    }

    @Test
    void of_exactLine_zeroErrors() {
        LinearFit fit = LinearFit.of(new double[] {1, 2, 4, 8}, new double[] {-1, -3, -7, -15});
        assertThat(fit.slope()).isEqualTo(-2);
        assertThat(fit.intercept()).isEqualTo(1);
        assertThat(fit.slopeError()).isZero();
    }

    @Test
    void badInput_rejectedWithTheRule() {
        assertThatThrownBy(() -> LinearFit.of(new double[] {1, 2}, new double[] {1, 2})).hasMessage("points (2) must be >= 3");
        assertThatThrownBy(() -> LinearFit.of(new double[] {1, 2, 3}, new double[] {1, 2})).hasMessage("x, y and w must have the same length (3, 2 and 3)");
        assertThatThrownBy(() -> LinearFit.of(new double[] {1, 1, 1}, new double[] {1, 2, 3})).hasMessage("x (1) must not be the same at every point");
        assertThatThrownBy(() -> LinearFit.of(new double[] {1, 2, 3}, new double[] {1, Double.NaN, 3})).hasMessage("y[1] (NaN) must be finite");
        LinearFit fit = LinearFit.of(new double[] {0, 1, 2, 3}, new double[] {1, 3, 2, 5});
        assertThatThrownBy(() -> fit.slopeInterval(1)).hasMessage("level (1) must be in (0, 1)");
    }
}
