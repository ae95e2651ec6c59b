package dev.anneal.schedule;

import java.util.OptionalLong;

/** {@code left * right}: pointwise product of two schedules. */
public record Product(Schedule left, Schedule right) implements Schedule {
    public Product {
        if (left == null || right == null) throw InvalidInputException.of("a product needs two schedules");
    }

    @Override
    public double at(long step) {
        double a = left.at(step);
        // A zero factor stays zero, as Range.times has it: 0·∞ is not NaN.
        return a == 0 ? 0 : zeroOr(a, right.at(step));
    }

    /** Ends when both factors have ended. */
    @Override
    public OptionalLong duration() {
        OptionalLong a = left.duration(), b = right.duration();
        return a.isPresent() && b.isPresent() ? OptionalLong.of(Math.max(a.getAsLong(), b.getAsLong())) : OptionalLong.empty();
    }

    /** Periodic when both factors are: the least common multiple of their periods. */
    @Override
    public OptionalLong period() {
        OptionalLong a = left.period(), b = right.period();
        if (a.isEmpty() || b.isEmpty()) return OptionalLong.empty();
        long p = a.getAsLong(), q = b.getAsLong();
        long g = gcd(p, q);
        long m = p / g;
        return Math.multiplyHigh(m, q) == 0 && m * q > 0 ? OptionalLong.of(m * q) : OptionalLong.empty();
    }

    private static double zeroOr(double a, double b) {
        return b == 0 ? 0 : a * b;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    @Override
    public Range range() {
        return left.range().times(right.range());
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
