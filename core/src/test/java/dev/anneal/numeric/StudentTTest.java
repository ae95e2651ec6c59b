package dev.anneal.numeric;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class StudentTTest {

    /** df = 1 is Cauchy: F(t) = 1/2 + atan(t)/π; df = 2: F(t) = 1/2 + t / (2√(2 + t²)). */
    @ParameterizedTest(name = "t = {0}")
    @CsvSource({"-30", "-2.5", "-0.3", "0", "0.7", "4.3", "100"})
    void cdf_df1AndDf2_matchClosedForms(double t) {
        assertThat(StudentT.cdf(t, 1)).isCloseTo(0.5 + Math.atan(t) / Math.PI, within(1e-13));
        assertThat(StudentT.cdf(t, 2)).isCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), within(1e-13));
    }

    @ParameterizedTest(name = "p = {0}")
    @CsvSource({"0.6", "0.9", "0.975", "0.995", "0.9999"})
    void quantile_df1AndDf2_matchClosedForms(double p) {
        assertThat(StudentT.quantile(p, 1)).isCloseTo(Math.tan(Math.PI * (p - 0.5)), within(1e-9 * Math.tan(Math.PI * (p - 0.5))));
        double df2 = (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
        assertThat(StudentT.quantile(p, 2)).isCloseTo(df2, within(1e-10 * df2));
    }

    /** Published table values (Abramowitz & Stegun, table 26.10). */
    @ParameterizedTest(name = "t({0}, df={1}) = {2}")
    @CsvSource({"0.975, 10, 2.228138852", "0.995, 5, 4.032142984", "0.95, 30, 1.697260887", "0.975, 120, 1.979930405"})
    void quantile_matchesTables(double p, double df, double expected) {
        assertThat(StudentT.quantile(p, df)).isCloseTo(expected, within(1e-8));
        assertThat(StudentT.quantile(1 - p, df)).isCloseTo(-expected, within(1e-8));
    }

    @Test
    void quantile_isTheInverseOfCdf() {
        for (double df : new double[] {1.5, 3, 17}) {
            for (double p = 0.01; p < 1; p += 0.07) assertThat(StudentT.cdf(StudentT.quantile(p, df), df)).isCloseTo(p, within(1e-12));
        }
    }

    @Test
    void badInput_rejectedWithTheRule() {
        assertThatThrownBy(() -> StudentT.quantile(1, 3)).hasMessage("p (1) must be in (0, 1)");
        assertThatThrownBy(() -> StudentT.quantile(Double.NaN, 3)).hasMessage("p (NaN) must be in (0, 1)");
        assertThatThrownBy(() -> StudentT.quantile(0.9, 0)).hasMessage("df (0) must be > 0 and finite");
        assertThatThrownBy(() -> StudentT.cdf(Double.NaN, 3)).hasMessage("t (NaN) must be a number");
    }
}
