package dev.anneal.numeric;

import org.junit.jupiter.api.Test;

import java.util.function.DoubleUnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RichardsonTest {

    private static double central(DoubleUnaryOperator f, double x, double h) {
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
    }

    private static double trapezoid(DoubleUnaryOperator f, double a, double b, int n) {
        double h = (b - a) / n, sum = (f.applyAsDouble(a) + f.applyAsDouble(b)) / 2;
        for (int i = 1; i < n; i++) sum += f.applyAsDouble(a + i * h);
        return sum * h;
    }

    /** D(h) = f'(x) + f'''(x)h²/6 + O(h⁴): order 2; the finest error is 2.8e-5, the extrapolated one O(h⁴). */
    @Test
    void centralDifference_orderTwo_exactDerivative() {
        Richardson r = Richardson.extrapolate(central(Math::sin, 1, 0.1), central(Math::sin, 1, 0.05), central(Math::sin, 1, 0.025));
        assertThat(r.order()).isCloseTo(2, within(0.01));
        assertThat(r.value()).isCloseTo(Math.cos(1), within(1e-7));
        double fineError = Math.abs(central(Math::sin, 1, 0.025) - Math.cos(1));
        assertThat(r.error()).isCloseTo(fineError, within(0.01 * fineError)); // the error estimate is the real error
    }

    /** Trapezoid rule on ∫₀¹ eˣ dx = e − 1 with 8, 16, 32 panels: Euler–Maclaurin gives order 2, one Romberg step O(h⁴). */
    @Test
    void trapezoid_orderTwo_rombergAccuracy() {
        DoubleUnaryOperator exp = Math::exp;
        Richardson r = Richardson.extrapolate(trapezoid(exp, 0, 1, 8), trapezoid(exp, 0, 1, 16), trapezoid(exp, 0, 1, 32));
        assertThat(r.order()).isCloseTo(2, within(0.01));
        assertThat(r.value()).isCloseTo(Math.E - 1, within(1e-7)); // the finest error is (e−1)/(12·32²) = 1.4e-4
        double known = Richardson.withOrder(trapezoid(exp, 0, 1, 16), trapezoid(exp, 0, 1, 32), 2, 2);
        assertThat(known).isCloseTo(Math.E - 1, within(1e-8)); // Simpson's rule, error (1/64)⁴·(e−1)/180
    }

    @Test
    void forwardDifference_orderOne_ratioThree() {
        DoubleUnaryOperator forward = h -> Math.expm1(h) / h; // d/dx eˣ at 0, error h/2 + h²/6 …
        Richardson r = Richardson.extrapolate(forward.applyAsDouble(0.009), forward.applyAsDouble(0.003), forward.applyAsDouble(0.001), 3);
        assertThat(r.order()).isCloseTo(1, within(0.01));
        assertThat(r.value()).isCloseTo(1, within(5e-6)); // the finest error is 5e-4
    }

    @Test
    void exactPolynomial_A_plus_c_h2_isRecoveredExactly() {
        Richardson r = Richardson.extrapolate(3 + 5 * 0.04, 3 + 5 * 0.01, 3 + 5 * 0.0025);
        assertThat(r.order()).isCloseTo(2, within(1e-12));
        assertThat(r.value()).isCloseTo(3, within(1e-14));
    }

    @Test
    void converged_infiniteOrderZeroError() {
        Richardson r = Richardson.extrapolate(1.5, 1.25, 1.25);
        assertThat(r.value()).isEqualTo(1.25);
        assertThat(r.order()).isInfinite();
        assertThat(r.error()).isZero();
    }

    @Test
    void badInput_rejectedWithTheRule() {
        assertThatThrownBy(() -> Richardson.extrapolate(1, 2, 1)).hasMessageContaining("are not in the asymptotic range")
                .hasMessageContaining("must have the same sign and shrink");
        assertThatThrownBy(() -> Richardson.extrapolate(1, 2, 4)).hasMessageContaining("must have the same sign and shrink");
        assertThatThrownBy(() -> Richardson.extrapolate(1, Double.NaN, 4)).hasMessage("medium (NaN) must be finite");
        assertThatThrownBy(() -> Richardson.extrapolate(1, 2, 3, 1)).hasMessage("ratio (1) must be > 1 and finite");
        assertThatThrownBy(() -> Richardson.withOrder(1, 2, 2, 0)).hasMessage("order (0) must be > 0 and finite");
    }
}
