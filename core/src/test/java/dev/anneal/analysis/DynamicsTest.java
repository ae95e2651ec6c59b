package dev.anneal.analysis;

import dev.anneal.optimizer.Dynamics;
import dev.anneal.optimizer.Method;
import dev.anneal.optimizer.Roots;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static java.lang.Math.cos;
import static java.lang.Math.exp;
import static java.lang.Math.sqrt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The optimizers' characteristic roots: the stability boundaries, the damping ratio against the damped oscillator,
 * and the roots against direct iteration of the recurrence.
 */
class DynamicsTest {

    /** Heavy ball: spectral radius of the roots < 1 exactly when η·λ < 2(1+β) (points off the boundary by 1e-6). */
    @Property(tries = 2000)
    void momentum_rootsStableIffBelowTwoOnePlusBeta(@ForAll @Scale(8) @DoubleRange(min = 0, max = 0.999) double beta,
                                                   @ForAll @Scale(8) @DoubleRange(min = 1e-6, max = 8) double h) {
        double boundary = 2 * (1 + beta);
        if (Math.abs(h - boundary) < 1e-6) return;
        Roots r = new Dynamics(Method.MOMENTUM, beta, 0).roots(h);
        assertThat(r.spectralRadius() < 1).as("β=%s h=%s radius=%s", beta, h, r.spectralRadius()).isEqualTo(h < boundary);
    }

    @Property(tries = 2000)
    void eachKind_rootsStableIffBelowItsLimit(@ForAll @Scale(8) @DoubleRange(min = 0, max = 0.99) double beta,
                                             @ForAll @Scale(8) @DoubleRange(min = 1e-6, max = 50) double h) {
        for (Method kind : Method.values()) {
            Dynamics o = new Dynamics(kind, kind == Method.SGD ? 0 : beta, 0);
            if (Math.abs(h - o.limit()) < 1e-6) continue;
            assertThat(o.roots(h).spectralRadius() < 1).as("%s β=%s h=%s", kind, beta, h).isEqualTo(h < o.limit());
        }
    }

    @Test
    void limits_closedForms() {
        assertThat(Dynamics.sgd().limit()).isEqualTo(2);
        assertThat(new Dynamics(Method.MOMENTUM, 0.9, 0).limit()).isCloseTo(3.8, within(1e-15));
        assertThat(new Dynamics(Method.NESTEROV, 0.9, 0).limit()).isCloseTo(3.8 / 2.8, within(1e-15));
        assertThat(new Dynamics(Method.ADAM, 0.9, 0).limit()).isCloseTo(38, within(1e-12)); // Cohen et al. 2022
    }

    /**
     * AdamW as it runs, with the preconditioner frozen at 1 and the moments' bias correction done:
     * {@code p ← (1 − η·wd)·p − η·m}, {@code m ← β₁·m + (1−β₁)·λ·p}. Just below the model's limit it contracts, just
     * above it grows; with wd = 0.1 at η = 1 the limit is (2 − 0.1)·19 = 36.1, not Adam's 38.
     */
    @ParameterizedTest(name = "wd={0}")
    @CsvSource({"0.1", "0.5", "0"})
    void adamw_limit_isWhereItsOwnUpdateStopsContracting(double wd) {
        double beta = 0.9, eta = 1;
        Dynamics adamw = Method.ADAMW.dynamics(beta, wd);
        double limit = adamw.limit(eta);
        assertThat(limit).isCloseTo((2 - eta * wd) * (1 + beta) / (1 - beta), within(1e-12));
        for (double factor : new double[] {0.99, 1.01}) {
            double lambda = factor * limit / eta, p = 1, m = 0;
            for (int t = 0; t < 20000; t++) {
                m = beta * m + (1 - beta) * lambda * p;
                p = (1 - eta * wd) * p - eta * m;
            }
            if (factor < 1) assertThat(Math.abs(p)).as("below the limit").isLessThan(1e-3);
            else assertThat(Math.abs(p)).as("above the limit").isGreaterThan(1e3);
            assertThat(adamw.roots(factor * limit, eta).spectralRadius() < 1).isEqualTo(factor < 1);
        }
        if (wd > 0) assertThat(limit).isLessThan(Method.ADAM.dynamics(beta, wd).limit(eta));
    }

    /** The roots agree with the recurrence itself: x_t grows like the spectral radius to the power t. */
    @ParameterizedTest(name = "{0} β={1} h={2}")
    @CsvSource({"MOMENTUM, 0.9, 0.5", "MOMENTUM, 0.5, 2.9", "NESTEROV, 0.9, 1.2", "NESTEROV, 0.3, 0.05", "ADAM, 0.9, 30"})
    void roots_matchIteratedRecurrence(Method kind, double beta, double h) {
        Dynamics o = new Dynamics(kind, beta, 0);
        // x_{t+1} = b·x_t − c·x_{t−1} with the b, c the roots encode: b = r1 + r2, c = r1·r2
        Roots r = o.roots(h);
        double b = r.re1() + r.re2(), c = r.re1() * r.re2() + r.im1() * r.im1();
        double prev = 1, x = 1, norm0 = 1;
        int n = 400;
        for (int t = 0; t < n; t++) {
            double next = b * x - c * prev;
            prev = x;
            x = next;
        }
        double growth = Math.pow(Math.hypot(x, prev) / norm0, 1.0 / n);
        assertThat(growth).isCloseTo(r.spectralRadius(), within(0.02));
        // and b, c are the recurrences named in the docs
        double[] expected = switch (kind) {
            case MOMENTUM -> new double[] {1 + beta - h, beta};
            case NESTEROV -> new double[] {(1 + beta) * (1 - h), beta * (1 - h)};
            case ADAM, ADAMW, ADAM_NO_BIAS_CORRECTION -> new double[] {1 + beta - (1 - beta) * h, beta};
            case SGD -> new double[] {1 - h, 0};
        };
        assertThat(b).isCloseTo(expected[0], within(1e-12));
        assertThat(c).isCloseTo(expected[1], within(1e-12));
    }

    /**
     * Sampling ẍ + 2ζωẋ + ω²x = 0 at unit steps gives r² − 2e^(−ζω)cos(ω√(1−ζ²))·r + e^(−2ζω): heavy ball with
     * β = e^(−2ζω) and h = 1 + β − 2e^(−ζω)cos(ω√(1−ζ²)). The roots must give back ζ.
     */
    @Property(tries = 500)
    void dampingRatio_underdamped_recoversOscillatorZeta(@ForAll @Scale(8) @DoubleRange(min = 0.02, max = 0.98) double zeta,
                                                         @ForAll @Scale(8) @DoubleRange(min = 0.01, max = 1.5) double omega) {
        double beta = exp(-2 * zeta * omega);
        double h = 1 + beta - 2 * exp(-zeta * omega) * cos(omega * sqrt(1 - zeta * zeta));
        double got = new Dynamics(Method.MOMENTUM, beta, 0).roots(h).dampingRatio();
        assertThat(got).isCloseTo(zeta, within(1e-9));
    }

    @Property(tries = 500)
    void dampingRatio_overdamped_recoversOscillatorZeta(@ForAll @Scale(8) @DoubleRange(min = 1.05, max = 5) double zeta,
                                                        @ForAll @Scale(8) @DoubleRange(min = 0.01, max = 0.5) double omega) {
        double root = sqrt(zeta * zeta - 1);
        double r1 = exp(-omega * (zeta - root)), r2 = exp(-omega * (zeta + root));
        double beta = r1 * r2, h = 1 + beta - (r1 + r2);
        assertThat(new Dynamics(Method.MOMENTUM, beta, 0).roots(h).dampingRatio()).isCloseTo(zeta, within(1e-7 * zeta));
    }

    /** The textbook formula for ẍ + (1−β)ẋ + h·x = 0 (heavy ball's continuous limit): ζ = (1−β)/(2√h). */
    @ParameterizedTest(name = "ζ₀={0}")
    @CsvSource({"0.1", "0.5", "0.9"})
    void dampingRatio_smallSteps_tendsToTextbookFormula(double zeta0) {
        double previousError = Double.POSITIVE_INFINITY;
        for (double eps = 1e-1; eps >= 1e-4; eps /= 10) {
            double h = eps * eps, beta = 1 - 2 * zeta0 * eps; // (1−β)/(2√h) = ζ₀
            double got = new Dynamics(Method.MOMENTUM, beta, 0).roots(h).dampingRatio();
            double error = Math.abs(got - zeta0);
            assertThat(error).as("ε=%s", eps).isLessThan(previousError);
            previousError = error;
        }
        assertThat(previousError).isLessThan(1e-4);
    }

    @Test
    void dampingRatio_negativeRoot_isNaN() {
        // h close to the boundary: a root near −1, the iterate flips sign each step
        assertThat(new Dynamics(Method.MOMENTUM, 0.1, 0).roots(2.1).dampingRatio()).isNaN();
    }

    @Test
    void effectiveRate_isEtaOverOneMinusBeta() {
        assertThat(new Dynamics(Method.MOMENTUM, 0.9, 0).effectiveRate(0.01)).isCloseTo(0.1, within(1e-15));
        assertThat(new Dynamics(Method.MOMENTUM, 0.99, 0).effectiveRate(0.01)).isCloseTo(1, within(1e-13));
    }

    @Test
    void momentumOutOfRange_rejectedWithRule() {
        assertThatThrownBy(() -> new Dynamics(Method.MOMENTUM, 1, 0)).hasMessage("momentum (1) must be in [0, 1)");
        assertThatThrownBy(() -> new Dynamics(Method.SGD, 0.9, 0)).hasMessageContaining("momentum (0.9) must be 0 for sgd");
    }
}
