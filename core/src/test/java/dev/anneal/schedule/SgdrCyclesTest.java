package dev.anneal.schedule;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.assertj.core.api.SoftAssertions;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * sgdr with growing cycles against a reference that walks the cycles one by one in exact integers: cycle n starts at
 * T0·(1 + m + … + mⁿ⁻¹) and lasts T0·mⁿ. The schedule finds the cycle in closed form (bits for m = 2, one logarithm
 * and an exact correction otherwise), so the two must agree at every step up to Long.MAX_VALUE.
 */
class SgdrCyclesTest {
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /** Values lie in [0, 1]; the reference rounds cur/len once, the schedule may round len once more. */
    private static final double TOLERANCE = 1e-12;

    private static final long[] MULTS = {2, 3, 4, 5, 7, 10, 1000, 1L << 31, Long.MAX_VALUE / 2, Long.MAX_VALUE};
    private static final long[] PERIODS = {1, 2, 3, 7, 1000, 1L << 40, Long.MAX_VALUE / 3};

    /** At the first step of every cycle the value is exactly the restart value; one step before, the previous cycle's last. */
    @Example
    void everyCycleStart_restartsExactly_andTheStepBeforeEndsThePreviousCycle() {
        SoftAssertions softly = new SoftAssertions();
        for (long mult : MULTS) {
            for (long period : PERIODS) {
                Sgdr s = new Sgdr(1, period, mult, 0);
                BigInteger start = BigInteger.ZERO, len = BigInteger.valueOf(period);
                while (start.compareTo(LONG_MAX) <= 0) {
                    softly.assertThat(s.at(start.longValueExact())).as("%s at cycle start %s", s, start).isEqualTo(1.0);
                    if (start.signum() > 0) {
                        long before = start.longValueExact() - 1;
                        softly.assertThat(s.at(before)).as("%s at %d, the step before cycle start %s", s, before, start)
                                .isCloseTo(reference(s, before), within(TOLERANCE));
                    }
                    start = start.add(len);
                    len = len.multiply(BigInteger.valueOf(mult));
                }
            }
        }
        softly.assertAll();
    }

    @Property
    void anyStep_agreesWithTheCycleWalk(@ForAll("sgdrs") Sgdr s, @ForAll @LongRange(min = 0) long step) {
        assertThat(s.at(step)).as("%s at %d", s, step).isCloseTo(reference(s, step), within(TOLERANCE));
    }

    @Property
    void smallSteps_agreeWithTheCycleWalk(@ForAll("sgdrs") Sgdr s, @ForAll @LongRange(min = 0, max = 100_000) long step) {
        assertThat(s.at(step)).as("%s at %d", s, step).isCloseTo(reference(s, step), within(TOLERANCE));
    }

    @Provide
    Arbitrary<Sgdr> sgdrs() {
        Arbitrary<Long> mults = Arbitraries.oneOf(Arbitraries.longs().between(2, 12), Arbitraries.longs().between(2, Long.MAX_VALUE));
        Arbitrary<Long> periods = Arbitraries.oneOf(Arbitraries.longs().between(1, 100), Arbitraries.longs().between(1, Long.MAX_VALUE));
        return Combinators.combine(periods, mults).as((period, mult) -> new Sgdr(1, period, mult, 0));
    }

    /** PyTorch's formula with T_cur and T_i found by walking the cycles in exact integers. */
    private static double reference(Sgdr s, long step) {
        BigInteger t = BigInteger.valueOf(step), start = BigInteger.ZERO, len = BigInteger.valueOf(s.firstPeriod());
        while (start.add(len).compareTo(t) <= 0) {
            start = start.add(len);
            len = len.multiply(BigInteger.valueOf(s.mult()));
        }
        double cur = t.subtract(start).doubleValue();
        return s.floor() + (s.value() - s.floor()) * (1 + Math.cos(Math.PI * cur / len.doubleValue())) / 2;
    }
}
