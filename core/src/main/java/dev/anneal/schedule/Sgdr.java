package dev.anneal.schedule;

import dev.anneal.spec.Spec;

import java.util.OptionalLong;

/**
 * {@code sgdr(value, period=T0, mult=m, floor=f)}: cosine from value to f over each cycle, then a warm restart;
 * cycle lengths T0, T0·m, T0·m², … (PyTorch CosineAnnealingWarmRestarts; Loshchilov &amp; Hutter 2017).
 * The Java component {@code firstPeriod} is the spec's {@code period} (T0). Example: sgdr(1, period=10) at 10 is 1 again.
 */
public record Sgdr(double value, long firstPeriod, long mult, double floor) implements Schedule {
    public Sgdr {
        Checks.finite("value", value);
        Checks.positive("period", firstPeriod);
        Checks.atLeast("mult", mult, 1);
        Checks.finite("floor", floor);
    }

    @Override
    public double at(long step) {
        long t = Steps.clamp(step);
        long cur, len;
        if (mult == 1) {
            cur = t % firstPeriod;
            len = firstPeriod;
        } else {
            int n = cycle(t);
            cur = t - cycleStart(n);
            len = saturatingTimes(firstPeriod, power(mult, n));
        }
        return floor + (value - floor) * (1 + Math.cos(Math.PI * cur / len)) / 2;
    }

    /** The cycle holding step t: the largest n with cycleStart(n) ≤ t, estimated in floating point, then made exact. */
    private int cycle(long t) {
        int n = (int) Math.floor(Math.log1p((double) t / firstPeriod * (mult - 1)) / Math.log(mult));
        n = Math.max(n, 0);
        while (n > 0 && cycleStart(n) > t) n--;
        while (n < 62 && cycleStart(n + 1) <= t && cycleStart(n + 1) != Long.MAX_VALUE) n++;
        return n;
    }

    /** First step of cycle n: T0·(mⁿ − 1)/(m − 1), saturating at Long.MAX_VALUE. */
    private long cycleStart(int n) {
        long p = power(mult, n);
        return p == Long.MAX_VALUE ? Long.MAX_VALUE : saturatingTimes(firstPeriod, (p - 1) / (mult - 1));
    }

    private static long power(long base, int exponent) {
        long result = 1;
        for (int e = exponent; e > 0; e >>= 1) {
            if ((e & 1) != 0) result = saturatingTimes(result, base);
            if (e > 1) base = saturatingTimes(base, base);
        }
        return result;
    }

    private static long saturatingTimes(long a, long b) {
        long hi = Math.multiplyHigh(a, b), lo = a * b;
        return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
    }

    @Override
    public OptionalLong period() {
        return mult == 1 ? OptionalLong.of(firstPeriod) : OptionalLong.empty();
    }

    @Override
    public Range range() {
        return Range.hull(value, floor);
    }

    @Override
    public String toString() {
        return Spec.print(this);
    }
}
