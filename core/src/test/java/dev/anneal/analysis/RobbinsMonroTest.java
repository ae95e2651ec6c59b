package dev.anneal.analysis;

import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Spec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static java.lang.Math.PI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The Robbins–Monro class of every family, and the closed-form sums to infinity against known values. */
class RobbinsMonroTest {
    private static final long LIMIT = 100_000;

    @ParameterizedTest(name = "{0}: Ση {1}, Ση² {2}")
    @CsvSource(delimiter = '|', value = {
            "constant(0.1)                                   | INFINITE | INFINITE | false",
            "constant(0)                                     | FINITE   | FINITE   | false",
            "exponential(0.1, gamma=0.99)                    | FINITE   | FINITE   | false",
            "exponential(0.1, gamma=1)                       | INFINITE | INFINITE | false",
            "exponential(0.1, half_life=100)                 | FINITE   | FINITE   | false",
            "step(0.1, every=30, gamma=0.5)                  | FINITE   | FINITE   | false",
            "multistep(0.1, at=[10, 20], gamma=0.1)          | INFINITE | INFINITE | false",
            "multistep(0.1, at=[10, 20], gamma=0)            | FINITE   | FINITE   | false",
            "power_law(0.1, alpha=0.5)                       | INFINITE | INFINITE | false",
            "power_law(0.1, alpha=0.75)                      | INFINITE | FINITE   | true",
            "power_law(0.1, alpha=1)                         | INFINITE | FINITE   | true",
            "power_law(0.1, alpha=1.5)                       | FINITE   | FINITE   | false",
            "inverse_sqrt(0.1)                               | INFINITE | INFINITE | false",
            "inverse_time(0.1, k=0.01, power=1)              | INFINITE | FINITE   | true",
            "inverse_time(0.1, k=0.01, power=0.4)            | INFINITE | INFINITE | false",
            "linear(0.1, 0, steps=100)                       | FINITE   | FINITE   | false",
            "linear(0.1, 0.01, steps=100)                    | INFINITE | INFINITE | false",
            "polynomial(0.1, end=0, steps=100, power=2)      | FINITE   | FINITE   | false",
            "cosine(0.1, steps=100)                          | FINITE   | FINITE   | false",
            "cosine(0.1, steps=100, floor=0.001)             | INFINITE | INFINITE | false",
            "sgdr(0.1, period=10, mult=2)                    | INFINITE | INFINITE | false",
            "cyclic(0.01, 0.1, up=10)                        | INFINITE | INFINITE | false",
            "cyclic(0, 0.1, up=10, mode=triangular2)         | FINITE   | FINITE   | false",
            "onecycle(0.1, steps=100)                        | INFINITE | INFINITE | false",
            "wsd(0.1, warmup=10, stable=50, decay=40)        | FINITE   | FINITE   | false",
            "warmup(10, power_law(0.1, alpha=1))             | INFINITE | FINITE   | true",
            "linear(0, 0.1, steps=10) then inverse_sqrt(0.1) | INFINITE | INFINITE | false",
            "0.5 * power_law(0.1, alpha=0.75)                | INFINITE | FINITE   | true",
            "shift(exponential(1, gamma=0.5), 3)             | FINITE   | FINITE   | false",
            "clamp(power_law(1, alpha=1), min=0.01)          | INFINITE | INFINITE | false",
            "clamp(exponential(1, gamma=0.5), max=0.7)       | FINITE   | FINITE   | false",
            "rescale(cosine(1, steps=10), min=0, max=0.5)    | FINITE   | FINITE   | false",
            "rescale(cosine(1, steps=10), min=0.1, max=0.5)  | INFINITE | INFINITE | false",
            "rescale(counter(sgdr(1, 10, 1, 0)), 0, 0.1)     | INFINITE | INFINITE | false"})
    void family_hasItsRobbinsMonroClass(String spec, Tail.Kind sum, Tail.Kind squares, boolean satisfied) {
        RobbinsMonro rm = RobbinsMonro.of(Spec.parse(spec), LIMIT);
        assertThat(rm.sum().kind()).as("Ση of %s: %s", spec, rm.sum().reason()).isEqualTo(sum);
        assertThat(rm.squares().kind()).as("Ση² of %s: %s", spec, rm.squares().reason()).isEqualTo(squares);
        assertThat(rm.satisfied()).isEqualTo(satisfied);
    }

    @Test
    void rescale_ofAScheduleThatNeitherEndsNorRepeats_isUnknown() {
        RobbinsMonro rm = RobbinsMonro.of(Spec.parse("rescale(power_law(1, alpha=1), min=0, max=1)"), LIMIT);
        assertThat(rm.sum().kind()).isEqualTo(Tail.Kind.UNKNOWN);
        assertThat(rm.sum().reason()).contains("neither ends nor repeats");
        assertThat(rm.satisfied()).isNull();
    }

    @Test
    void custom_isUnknown() {
        RobbinsMonro rm = RobbinsMonro.of(Schedule.of("mine", t -> 1.0 / (t + 1)), LIMIT);
        assertThat(rm.sum().kind()).isEqualTo(Tail.Kind.UNKNOWN);
        assertThat(rm.satisfied()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // closed forms computed by hand
            "power_law(1, alpha=2)                    | 1.6449340668482264 | 1.0823232337111381", // π²/6, π⁴/90
            "inverse_time(1, k=2, power=2)            | 1.2337005501361697 | 1.0146780316041920", // Σ odd n⁻² = π²/8, Σ odd n⁻⁴ = π⁴/96
            "exponential(0.3, gamma=0.9)              | 3.0                | 0.47368421052631576", // v/(1−γ), v²/(1−γ²)
            "step(1, every=10, gamma=0.5)             | 20.0               | 13.333333333333334", // 10/(1−½), 10/(1−¼)
            "multistep(1, at=[10, 30], gamma=0)       | 10.0               | 10.0",
            "cosine(1, steps=100)                     | 50.5               | 38.0",               // (T+1)/2, (3T+4)/8
            "linear(1, 0, steps=100)                  | 50.5               | 33.835",             // (T+1)/2, (T+1)(2T+1)/(6T)
            "warmup(10, exponential(1, gamma=0.5))    | 6.5                | 4.18333333333333333", // (w−1)/2 + 2, (w−1)(2w−1)/(6w) + 4/3
            "shift(exponential(1, gamma=0.5), 2)      | 0.5                | 0.08333333333333333", // 2·¼, (4/3)·(1/16)
            "2 * power_law(1, alpha=2)                | 3.2898681336964528 | 4.3292929348445524"})
    void tail_matchesClosedForm(String spec, double sum, double squares) {
        RobbinsMonro rm = RobbinsMonro.of(Spec.parse(spec), LIMIT);
        assertThat(rm.sum().value()).as(rm.sum().reason()).isCloseTo(sum, within(1e-13 * sum));
        assertThat(rm.squares().value()).as(rm.squares().reason()).isCloseTo(squares, within(1e-13 * squares));
    }

    @Test
    void oddReciprocalSquares_isPiSquaredOverEight() {
        assertThat(1.2337005501361697).isCloseTo(PI * PI / 8, within(1e-15));
        assertThat(1.0146780316041920).isCloseTo(Math.pow(PI, 4) / 96, within(1e-15));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"exponential(0.3, gamma=0.99)", "power_law(1, alpha=3)", "inverse_time(0.5, k=0.3, power=2.5)", "step(1, every=7, gamma=0.8)"})
    void tail_agreesWithLongHorizonSum(String spec) {
        Schedule s = Spec.parse(spec);
        RobbinsMonro rm = RobbinsMonro.of(s, LIMIT);
        HorizonSums h = HorizonSums.of(s, 2_000_000);
        assertThat(h.sum()).isCloseTo(rm.sum().value(), within(1e-6 * rm.sum().value()));
        assertThat(h.sumOfSquares()).isCloseTo(rm.squares().value(), within(1e-9 * rm.squares().value()));
    }

    @Test
    void finitePartBeyondLimit_classKnownValueNot() {
        RobbinsMonro rm = RobbinsMonro.of(Spec.parse("cosine(0.1, steps=1000000)"), 1000);
        assertThat(rm.sum().kind()).isEqualTo(Tail.Kind.FINITE);
        assertThat(rm.sum().value()).isNaN();
    }
}
