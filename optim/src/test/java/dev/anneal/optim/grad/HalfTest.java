package dev.anneal.optim.grad;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.ShortRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Half-precision rounding: IEEE binary16 limits and round-to-nearest-even, checked against hand-worked values. */
class HalfTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // largest finite half, and the values that round to it or overflow
            "65504,               65504",
            "65519.996,           65504",          // just below the midpoint 65520: down
            "65520,               Infinity",       // midpoint of 65504 (odd significand) and 2^16: to even, i.e. overflow
            "-65520,              -Infinity",
            "1e6,                 Infinity",
            // subnormals: steps of 2^-24
            "5.9604644775390625E-8,  5.9604644775390625E-8",   // 2^-24, the smallest positive half
            "2.98023223876953125E-8, 0",                       // 2^-25: midpoint of 0 and 2^-24, to even 0
            "2.9802326e-8,           5.9604644775390625E-8",   // just above 2^-25: up
            "8.940696716308594E-8,   1.1920928955078125E-7",   // 1.5·2^-24: midpoint of 2^-24 (odd) and 2^-23: up
            "6.103515625E-5,         6.103515625E-5",          // 2^-14, the smallest normal
            // normal range: ulp of 1 is 2^-10
            "1.00048828125,       1",              // 1 + 2^-11: midpoint of 1 (even) and 1 + 2^-10: down
            "1.00146484375,       1.001953125",    // 1 + 3·2^-11: midpoint of 1 + 2^-10 (odd) and 1 + 2^-9: up
            "0.1,                 0.0999755859375",
            "-0,                  -0",
    })
    void round_knownValues(float x, float expected) {
        assertThat(Half.round(x)).isEqualTo(expected);
        assertThat(Float.floatToRawIntBits(Half.round(x))).as("sign and bits").isEqualTo(Float.floatToRawIntBits(expected));
    }

    @ParameterizedTest(name = "{0}: overflow {1}, underflow {2}")
    @CsvSource({
            "65504,     false, false",
            "65520,     true,  false",
            "-1e6,      true,  false",
            "Infinity,  false, false",   // already infinite: not an overflow of the rounding
            "1e-5,      false, true",    // subnormal
            "1e-9,      false, true",    // flushed to zero
            "0,         false, false",   // zero was zero already
            "6.103515625E-5, false, false",
            "1,         false, false",
    })
    void counts_classifyTheRoundedValue(float x, boolean overflow, boolean underflow) {
        float h = Half.round(x);
        assertThat(Half.overflowed(x, h)).isEqualTo(overflow);
        assertThat(Half.underflowed(x, h)).isEqualTo(underflow);
    }

    @Property
    void round_anyFiniteFloat_isNearestHalf(@ForAll int bits) {
        float x = Float.intBitsToFloat(bits);
        Assume.that(Float.isFinite(x));
        assertThat(Half.round(x)).isEqualTo(reference(x));
    }

    @Property
    void round_gradientSizedFloat_isNearestHalf(@ForAll @FloatRange(min = -70000, max = 70000) float x) {
        assertThat(Half.round(x)).isEqualTo(reference(x));
    }

    /** The midpoint of two neighbouring halves goes to the one with an even significand (last bit 0). */
    @Property
    void round_midpoint_goesToEven(@ForAll @ShortRange(min = 0, max = 0x7bfe) short h) {
        float a = Float.float16ToFloat(h), b = Float.float16ToFloat((short) (h + 1));
        float mid = (a + b) / 2;                               // exact: 12 significant bits
        assertThat(Half.round(mid)).isEqualTo((h & 1) == 0 ? a : b);
        assertThat(Half.round(-mid)).isEqualTo((h & 1) == 0 ? -a : -b);
    }

    /**
     * Round to the binary16 grid in double: the spacing is 2^(e−10) for a normal half of exponent e and 2^-24 below
     * 2^-14; {@code Math.rint} breaks ties to even, and {@code x / ulp} is exact in double (a power-of-two divisor).
     */
    private static float reference(float x) {
        double a = Math.abs((double) x);
        double ulp = a < 0x1p-14 ? 0x1p-24 : Math.scalb(1.0, Math.getExponent(a) - 10);
        double r = Math.rint(a / ulp) * ulp;
        if (r > Half.MAX) r = Double.POSITIVE_INFINITY;   // from 65520 (65504 + half an ulp) up, rounding gives 2^16
        return (float) Math.copySign(r, x);
    }
}
