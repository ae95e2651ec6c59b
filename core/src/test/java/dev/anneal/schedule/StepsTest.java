package dev.anneal.schedule;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps.quotient divides doubles below 2⁵³: it must still give the exact ⌊t / d⌋ of a long division; addModulo must not overflow. */
class StepsTest {

    @Property
    void quotient_anyStepAndDivisor_equalsLongDivision(@ForAll @LongRange(min = 0) long t, @ForAll @LongRange(min = 1) long d) {
        assertThat(Steps.quotient(t, d)).as("%d / %d", t, d).isEqualTo(t / d);
    }

    @Property
    void quotient_belowAndAround2pow53_equalsLongDivision(@ForAll @LongRange(min = (1L << 53) - 100_000, max = (1L << 53) + 100_000) long t,
                                                         @ForAll @LongRange(min = 1, max = 1000) long d) {
        assertThat(Steps.quotient(t, d)).as("%d / %d", t, d).isEqualTo(t / d);
    }

    /** One below a multiple of d is where a rounded-up quotient would show: (k·d − 1)/d must stay k − 1. */
    @Example
    void quotient_oneBelowAMultiple_roundsDown() {
        long[] divisors = {3, 7, 1000, 999_999_937, 94_906_267};
        for (long d : divisors) {
            for (long k = (1L << 53) / d - 3; k <= (1L << 53) / d + 3; k++) {
                long t = k * d - 1;
                assertThat(Steps.quotient(t, d)).as("%d / %d", t, d).isEqualTo(k - 1);
                assertThat(Steps.quotient(t + 1, d)).as("%d / %d", t + 1, d).isEqualTo(k);
            }
        }
    }

    /** addModulo against BigInteger arithmetic, where a + b passes Long.MAX_VALUE. */
    @Property
    void addModulo_anyOperandsAndPeriod_equalsExactRemainder(@ForAll @LongRange(min = 0) long a, @ForAll @LongRange(min = 0) long b,
                                                             @ForAll @LongRange(min = 1) long period) {
        java.math.BigInteger exact = java.math.BigInteger.valueOf(a).add(java.math.BigInteger.valueOf(b)).mod(java.math.BigInteger.valueOf(period));
        assertThat(Steps.addModulo(a, b, period)).as("(%d + %d) mod %d", a, b, period).isEqualTo(exact.longValueExact());
    }
}
