package dev.anneal.analysis;

import dev.anneal.schedule.Schedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static java.lang.Math.PI;
import static java.lang.Math.pow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Horizon sums (compensated summation) and the zeta values behind the power-law tails, against closed forms. */
class SumsTest {

    @ParameterizedTest(name = "v={0}, γ={1}, N={2}")
    @CsvSource({"1, 0.5, 60", "0.1, 0.99, 1000", "0.3, 0.999, 20000", "2, 0.1, 5"})
    void geometric_horizonSums_matchPartialGeometricSeries(double v, double gamma, long n) {
        HorizonSums s = HorizonSums.of(Schedule.exponential(v, gamma), n);
        assertThat(s.sum()).isCloseTo(v * (1 - pow(gamma, n)) / (1 - gamma), within(1e-13 * v / (1 - gamma)));
        assertThat(s.sumOfSquares()).isCloseTo(v * v * (1 - pow(gamma * gamma, n)) / (1 - gamma * gamma),
                within(1e-13 * v * v / (1 - gamma * gamma)));
    }

    @ParameterizedTest(name = "N={0}")
    @CsvSource({"1000", "100000"})
    void pSeries_horizonSum_matchesZetaMinusTrigammaTail(long n) {
        // Σ_{k=1}^{N} k^−2 = π²/6 − ψ′(N+1), ψ′(x) = 1/x + 1/(2x²) + 1/(6x³) − 1/(30x⁵) + … (x = N + 1)
        double x = n + 1;
        double tail = 1 / x + 1 / (2 * x * x) + 1 / (6 * x * x * x) - 1 / (30 * pow(x, 5));
        assertThat(HorizonSums.of(Schedule.powerLaw(1, 2), n).sum()).isCloseTo(PI * PI / 6 - tail, within(1e-14));
    }

    @Test
    void harmonic_horizonSum_matchesLogPlusEulerGamma() {
        long n = 1_000_000;
        double euler = 0.5772156649015329;
        double expected = Math.log(n) + euler + 1.0 / (2 * n) - 1.0 / (12.0 * n * n);
        assertThat(HorizonSums.of(Schedule.powerLaw(1, 1), n).sum()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void compensatedSum_tenMillionTenths_isExact() {
        // Naive summation of 0.1 ten million times is off by about 1e-4; the compensated sum is exact to an ulp.
        assertThat(HorizonSums.of(Schedule.constant(0.1), 10_000_000).sum()).isCloseTo(1e6, within(1e-9));
    }

    @ParameterizedTest(name = "ζ({0}, {1}) = {2}")
    @CsvSource({
            "2, 1, 1.6449340668482264",      // π²/6
            "4, 1, 1.0823232337111381",      // π⁴/90
            "3, 1, 1.2020569031595942",      // Apéry's constant
            "2, 0.5, 4.934802200544679",     // (2² − 1)·ζ(2) = π²/2
            "1.5, 1, 2.612375348685488",
            "2, 1001, 9.995001666666334e-4"  // ψ′(1001) (mpmath)
    })
    void zeta_knownValues(double s, double a, double expected) {
        assertThat(Zeta.hurwitz(s, a)).isCloseTo(expected, within(2e-15 * expected));
    }

    @Test
    void zeta_outsideDomain_rejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Zeta.hurwitz(1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("s > 1");
    }

    @Test
    void nonFiniteRate_rejectedWithStep() {
        Schedule blowsUp = Schedule.exponential(1, 10);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HorizonSums.of(blowsUp, 400))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step 309").hasMessageContaining("must be finite");
    }
}
