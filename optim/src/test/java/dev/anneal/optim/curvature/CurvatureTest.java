package dev.anneal.optim.curvature;

import dev.anneal.schedule.InvalidInputException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Power iteration, Lanczos and Hutchinson on matrices whose spectra are known by construction. */
class CurvatureTest {

    /** 1, 0.9, and the rest spread evenly over [−0.5, 0.5]: n = 60. */
    private static double[] spectrum(int n) {
        double[] s = new double[n];
        s[0] = 1;
        s[1] = 0.9;
        for (int i = 2; i < n; i++) s[i] = -0.5 + (double) (i - 2) / (n - 3);
        return s;
    }

    private static double[] descending(double[] s) {
        double[] d = s.clone();
        Arrays.sort(d);
        for (int i = 0; i < d.length / 2; i++) {
            double t = d[i];
            d[i] = d[d.length - 1 - i];
            d[d.length - 1 - i] = t;
        }
        return d;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void lanczos_conjugatedMatrix_topFourToTolerance(long seed) {
        double[] s = spectrum(60);
        Hvp h = Hvp.matrix(Spectra.conjugated(s, seed));
        Lanczos.Result r = new Lanczos(4, 60, 1e-10, seed).run(h);
        assertThat(r.converged()).isTrue();
        assertThat(r.products()).isLessThan(60);
        double[] expected = Arrays.copyOf(descending(s), 4);
        for (int i = 0; i < 4; i++) {
            assertThat(r.values()[i]).as("θ%d", i).isCloseTo(expected[i], within(1e-8));
            assertThat(Math.abs(r.values()[i] - expected[i])).isLessThanOrEqualTo(r.residuals()[i] + 1e-12);
        }
        assertThat(r.history()).hasSize(r.products());
        assertThat(r.history()[r.products() - 1]).isEqualTo(r.max());
    }

    @Test
    void refresh_fromAnotherEigenvector_stillFindsTheTopOne() {
        Hvp h = Hvp.diagonal(10, 4, 0.5);
        double[] e2 = {0, 1, 0};
        PowerIteration power = new PowerIteration(500, 1e-12, 3);
        assertThat(power.run(h, e2).value()).isEqualTo(4); // a plain warm start on e2 stops there at once
        PowerIteration.Estimate e = power.refresh(h, e2, 7);
        assertThat(e.value()).isCloseTo(10, within(1e-9));
        assertThat(power.refresh(h, e2, 7).products()).isEqualTo(e.products()); // the draw is seeded: repeatable
    }

    @Test
    void lanczos_allDimensions_exactSpectrumIncludingNegatives() {
        double[] s = {-3, -1, 0.5, 2, 2.5};
        Lanczos.Result r = new Lanczos(5, 100, 1e-12, 7).run(Hvp.matrix(Spectra.conjugated(s, 7)));
        assertThat(r.values()).containsExactly(new double[] {2.5, 2, 0.5, -1, -3}, within(1e-10));
        assertThat(r.products()).isEqualTo(5);
    }

    @Test
    void lanczos_repeatedTopEigenvalue_foundWithItsMultiplicity() {
        Lanczos.Result r = new Lanczos(2, 10, 1e-10, 3).run(Hvp.diagonal(5, 5, 1));
        assertThat(r.values()).containsExactly(new double[] {5, 5}, within(1e-12));
        Lanczos.Result one = new Lanczos(1, 10, 1e-10, 3).run(Hvp.diagonal(2, 2, 2, 2));
        assertThat(one.max()).isCloseTo(2, within(1e-14));
        assertThat(one.products()).isEqualTo(1); // the Krylov space of a multiple of I is invariant at once
    }

    @Test
    void lanczos_zeroMatrix_zero() {
        Lanczos.Result r = new Lanczos(1, 10, 1e-10, 3).run(Hvp.diagonal(0, 0, 0));
        assertThat(r.max()).isZero();
        assertThat(r.converged()).isTrue();
    }

    @Test
    void power_conjugatedMatrix_largestMagnitudeWithResidualBound() {
        double[] s = spectrum(40);
        PowerIteration.Estimate e = new PowerIteration(2000, 1e-9, 5).run(Hvp.matrix(Spectra.conjugated(s, 5)));
        assertThat(e.converged()).isTrue();
        assertThat(e.value()).isCloseTo(1, within(1e-8));
        assertThat(Math.abs(e.value() - 1)).isLessThanOrEqualTo(e.residual());
        // the Rayleigh quotient's error decays like (0.9)^(2k): about 200 products for 1e-9 relative residual
        assertThat(e.products()).isBetween(100, 400);
        assertThat(e.history()).hasSize(e.products());
    }

    @Test
    void power_dominantNegativeEigenvalue_signKept() {
        PowerIteration.Estimate e = new PowerIteration(500, 1e-10, 1).run(Hvp.matrix(Spectra.conjugated(new double[] {-4, 1, 2, 0.5}, 9)));
        assertThat(e.value()).isCloseTo(-4, within(1e-9));
    }

    @Test
    void power_budgetExhausted_reportsNotConverged() {
        PowerIteration.Estimate e = new PowerIteration(5, 1e-12, 1).run(Hvp.matrix(Spectra.conjugated(spectrum(30), 2)));
        assertThat(e.converged()).isFalse();
        assertThat(e.products()).isEqualTo(5);
        assertThat(e.value()).isLessThan(1); // a Rayleigh quotient never exceeds λmax
    }

    @Test
    void power_warmStartAtEigenvector_oneProduct() {
        PowerIteration.Estimate e = new PowerIteration(10, 1e-12, 1).run(Hvp.diagonal(3, 1, 2), new double[] {2, 0, 0});
        assertThat(e.products()).isEqualTo(1);
        assertThat(e.value()).isEqualTo(3);
    }

    @Test
    void lanczos_needsFarFewerProductsThanPowerIteration_smallGap() {
        double[] s = new double[200];
        for (int i = 0; i < s.length; i++) s[i] = 1 - i / 200.0; // gap 0.005
        Hvp h = Hvp.matrix(Spectra.conjugated(s, 4));
        Lanczos.Result l = new Lanczos(1, 200, 1e-6, 4).run(h);
        PowerIteration.Estimate p = new PowerIteration(20000, 1e-6, 4).run(h);
        assertThat(l.max()).isCloseTo(1, within(1e-5));
        assertThat(l.products() * 3).isLessThan(p.products());
    }

    @Test
    void finiteDifference_quarticGradient_matchesExactHessian() {
        // L = Σ xᵢ⁴/4 + x₀x₁: ∇L = (x₀³ + x₁, x₁³ + x₀, x₂³), H = [[3x₀², 1, 0], [1, 3x₁², 0], [0, 0, 3x₂²]]
        Gradient g = x -> new double[] {x[0] * x[0] * x[0] + x[1], x[1] * x[1] * x[1] + x[0], x[2] * x[2] * x[2]};
        double[] x = {1, -2, 0.5};
        Hvp fd = Hvp.finiteDifference(g, x), exact = Hvp.matrix(new double[][] {{3, 1, 0}, {1, 12, 0}, {0, 0, 0.75}});
        double[] v = {0.3, -1, 2};
        assertThat(fd.apply(v)).containsExactly(exact.apply(v), within(1e-8));
        assertThat(fd.apply(new double[3])).containsExactly(0, 0, 0);
        assertThat(new Lanczos(3, 3, 1e-8, 1).run(fd).max()).isCloseTo(new Lanczos(3, 3, 1e-8, 1).run(exact).max(), within(1e-7));
    }

    @Test
    void hutchinson_diagonal_exactWithZeroError() {
        Hutchinson.Trace t = new Hutchinson(100, 1e-3, 1).run(Hvp.diagonal(1, 2, 3, -4));
        assertThat(t.estimate()).isEqualTo(2);
        assertThat(t.standardError()).isZero();
        assertThat(t.products()).isEqualTo(2);
    }

    /** Unbiased, with per-sample variance 2·Σ_{i≠j} H_ij²: the estimate lies within 4 standard errors, and s² ≈ the formula. */
    @Test
    void hutchinson_denseMatrix_unbiasedWithTheKnownVariance() {
        double[] s = spectrum(30);
        double[][] m = Spectra.conjugated(s, 8);
        double trace = Arrays.stream(s).sum(), offDiagonal = 0;
        for (int i = 0; i < 30; i++) for (int j = 0; j < 30; j++) if (i != j) offDiagonal += m[i][j] * m[i][j];
        Hutchinson.Trace t = new Hutchinson(4000, 1e-9, 11).run(Hvp.matrix(m));
        assertThat(t.converged()).isFalse();
        assertThat(t.products()).isEqualTo(4000);
        assertThat(t.estimate()).isCloseTo(trace, within(4 * t.standardError()));
        double sampleVariance = t.standardError() * t.standardError() * 4000;
        assertThat(sampleVariance).isCloseTo(2 * offDiagonal, within(0.1 * 2 * offDiagonal));
    }

    @Test
    void badInput_rejectedWithTheRule() {
        assertThatThrownBy(() -> Hvp.matrix(new double[][] {{1, 2}, {3, 1}})).hasMessage("h[1][0] (3) must equal h[0][1] (2.0): a Hessian is symmetric");
        assertThatThrownBy(() -> Hvp.matrix(new double[][] {{1, 2}, {3}})).hasMessage("row 1 length (1) must be 2 (a square matrix)");
        assertThatThrownBy(() -> Hvp.diagonal(1, Double.NaN)).hasMessage("d[1] (NaN) must be finite");
        assertThatThrownBy(() -> new Lanczos(0, 10, 1e-6, 1)).hasMessage("k (0) must be > 0");
        assertThatThrownBy(() -> new Lanczos(5, 3, 1e-6, 1)).hasMessage("k (5) must be <= maxProducts (3)");
        assertThatThrownBy(() -> new PowerIteration(10, 0, 1)).hasMessage("tolerance (0) must be > 0 and finite");
        assertThatThrownBy(() -> new Hutchinson(0, 1e-3, 1)).hasMessage("maxSamples (0) must be > 0");
        assertThatThrownBy(() -> new PowerIteration(10, 1e-6, 1).run(Hvp.diagonal(1, 2), new double[2])).hasMessage("start norm (0) must be > 0 and finite");
        assertThatThrownBy(() -> Hvp.finiteDifference(x -> x, new double[] {1}, -1)).hasMessage("step (-1) must be > 0 and finite");
        Hvp broken = Hvp.of(2, v -> new double[] {Double.NaN, 0});
        assertThatThrownBy(() -> new PowerIteration(10, 1e-6, 1).run(broken)).isInstanceOf(InvalidInputException.class)
                .hasMessage("Hessian-vector product entry 0 (NaN) must be finite");
    }
}
