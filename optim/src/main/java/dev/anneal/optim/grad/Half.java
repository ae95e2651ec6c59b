package dev.anneal.optim.grad;

/**
 * IEEE 754 half precision (binary16) emulated in float32: {@link #round} keeps only the values a half can hold,
 * rounding to nearest with ties to even ({@link Float#floatToFloat16}). Finite values of magnitude 65520 and above
 * become ±inf; magnitudes below {@link #MIN_NORMAL} lose precision (subnormals, steps of {@link #MIN_SUBNORMAL})
 * and those up to half of {@code MIN_SUBNORMAL} become zero.
 */
public final class Half {
    private Half() {}

    /** The largest finite half, {@code (2 − 2^-10) · 2^15}. */
    public static final float MAX = 65504f;
    /** The smallest normal half, {@code 2^-14}. */
    public static final float MIN_NORMAL = 0x1p-14f;
    /** The smallest positive half, a subnormal, {@code 2^-24}. */
    public static final float MIN_SUBNORMAL = 0x1p-24f;

    /** The half-precision value nearest to {@code x} (ties to even), as a float. NaN stays NaN. */
    public static float round(float x) {
        return Float.float16ToFloat(Float.floatToFloat16(x));
    }

    /** Whether rounding the finite {@code x} to half gave ±inf. */
    static boolean overflowed(float x, float rounded) {
        return Float.isInfinite(rounded) && Float.isFinite(x);
    }

    /** Whether rounding the non-zero {@code x} to half left a subnormal or zero. */
    static boolean underflowed(float x, float rounded) {
        return x != 0f && Math.abs(rounded) < MIN_NORMAL;
    }
}
