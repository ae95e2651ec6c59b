package dev.anneal.schedule;

import java.util.OptionalLong;

/** Step arithmetic shared by the records: clamping and saturating sums, so no step ever wraps around. */
final class Steps {
    private Steps() {}

    /** Steps before 0 read as step 0. */
    static long clamp(long step) {
        return Math.max(step, 0);
    }

    static long add(long a, long b) {
        long r = a + b;
        // Overflow iff both operands have the sign opposite to the result.
        if (((a ^ r) & (b ^ r)) < 0) return a > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        return r;
    }

    /** (a + b) mod period for a, b ≥ 0 and period &gt; 0, without overflow: a + b itself may pass Long.MAX_VALUE. */
    static long addModulo(long a, long b, long period) {
        long wrapped = a % period - (period - b % period);
        return wrapped < 0 ? wrapped + period : wrapped;
    }

    static OptionalLong add(OptionalLong a, OptionalLong b) {
        return a.isPresent() && b.isPresent() ? OptionalLong.of(add(a.getAsLong(), b.getAsLong())) : OptionalLong.empty();
    }

    /**
     * ⌊t / d⌋ for t ≥ 0 and d &gt; 0. Below 2⁵³ it divides doubles, whose cost does not grow with the quotient as a
     * long division's does; it is exact there, since rounding t/d (error below t·2⁻⁵³/d &lt; 1/d) cannot reach the
     * next whole number, which lies at least 1/d above any quotient that is not whole.
     */
    static long quotient(long t, long d) {
        return t < 1L << 53 ? (long) ((double) t / d) : t / d;
    }

    /** Fraction of the way through {@code steps}, held at 1 after the end. */
    static double progress(long step, long steps) {
        return (double) Math.min(clamp(step), steps) / steps;
    }
}
