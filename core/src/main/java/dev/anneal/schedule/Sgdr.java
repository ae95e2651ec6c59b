package dev.anneal.schedule;

import java.util.OptionalLong;

/**
 * {@code sgdr(value, period=T0, mult=m, floor=f)}: cosine from value to f over each cycle, then a warm restart;
 * cycle lengths T0, T0·m, T0·m², … (PyTorch CosineAnnealingWarmRestarts; Loshchilov &amp; Hutter 2017).
 * The Java component {@code firstPeriod} is the spec's {@code period} (T0). Example: sgdr(1, period=10) at 10 is 1 again.
 */
public record Sgdr(double value, long firstPeriod, long mult, double floor) implements Schedule {

    public static final long MULT = 1;
    public static final double FLOOR = 0;
    public Sgdr {
        Checks.finite("value", value);
        Checks.positive("period", firstPeriod);
        Checks.atLeast("mult", mult, 1);
        Checks.finite("floor", floor);
    }

    @Override
    public double at(long step) {
        long t = Steps.clamp(step);
        // Whole first periods before t ("blocks"), and the steps into the current one.
        long blocks = Steps.quotient(t, firstPeriod), rest = t - blocks * firstPeriod;
        long cur;
        double len;
        if (mult == 1) {
            cur = rest;
            len = firstPeriod;
        } else if (mult == 2) {
            // Cycle n starts at block 2ⁿ − 1, so it holds the block b with 2ⁿ ≤ b + 1 < 2ⁿ⁺¹: the top bit of b + 1.
            long k = blocks + 1; // at most 2⁶³, which reads correctly as unsigned below
            int n = 63 - Long.numberOfLeadingZeros(k);
            cur = (k - (1L << n)) * firstPeriod + rest;
            len = Math.scalb((double) firstPeriod, n);
        } else {
            long first = firstBlockOfCycle(blocks);
            cur = (blocks - first) * firstPeriod + rest;
            len = firstPeriod * ((mult - 1) * (double) first + 1); // T0·mⁿ, and mⁿ = (m − 1)·first + 1
        }
        return Interpolation.between(floor, value, (1 + Math.cos(Math.PI * cur / len)) / 2);
    }

    /**
     * For mult ≥ 3, the first block of the cycle n holding block b: firstBlock(n) ≤ b &lt; firstBlock(n + 1). One
     * logarithm estimates n to within one either way; starting one below the estimate keeps every product exact,
     * and at most two exact integer steps up finish it, so the cost does not depend on the step.
     */
    private long firstBlockOfCycle(long blocks) {
        int estimate = (int) (Math.log(blocks * (double) (mult - 1) + 1) / Math.log(mult));
        long first = firstBlock(Math.max(0, estimate - 1));
        // Step up while the next cycle's first block, m·first + 1, is ≤ b; a product past Long.MAX_VALUE is past b.
        while (Math.multiplyHigh(first, mult) == 0 && first * mult >= 0 && first * mult < blocks) first = first * mult + 1;
        return first;
    }

    /**
     * The first block of cycle n, 1 + m + … + mⁿ⁻¹, as m·(mⁿ⁻¹ − 1)/(m − 1) + 1: the largest power formed is mⁿ⁻¹,
     * which is below the result, so nothing overflows while the result is at most a long step.
     */
    private long firstBlock(int n) {
        if (n == 0) return 0;
        long power = 1, base = mult; // mⁿ⁻¹ by squaring: at most 6 rounds, since n < 64
        for (int e = n - 1; e > 0; e >>= 1) {
            if ((e & 1) != 0) power *= base;
            if (e > 1) base *= base;
        }
        return Steps.quotient(power - 1, mult - 1) * mult + 1;
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
        return Printer.print(this);
    }
}
