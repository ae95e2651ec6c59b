package dev.anneal.schedule;

import java.util.OptionalLong;

/**
 * {@code cyclic(lo, hi, up=u, down=d, mode=triangular|triangular2|exp_range, gamma=g)}: a triangular wave from lo
 * up to hi in u steps and back in d steps (Smith, Cyclical Learning Rates, 2017; PyTorch CyclicLR). triangular2
 * halves the amplitude every cycle; exp_range multiplies it by g^t. Example: cyclic(0, 1, up=2) at 1 is 0.5.
 */
public record Cyclic(double lo, double hi, long up, long down, Mode mode, double gamma) implements Schedule {

    public enum Mode {
        TRIANGULAR, TRIANGULAR2, EXP_RANGE;

        /** The spec language's name. */
        public String spec() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static final Mode MODE = Mode.TRIANGULAR;
    public static final double GAMMA = 1;

    public Cyclic {
        Checks.finite("lo", lo);
        Checks.finite("hi", hi);
        if (!(hi >= lo)) throw Checks.fail("hi", hi, "must be >= lo (" + Checks.format(lo) + ")");
        Checks.positive("up", up);
        Checks.positive("down", down);
        // The cycle's length is the period it claims: it must be a step count.
        if (up > Long.MAX_VALUE - down) throw Checks.fail("up + down", up + "+" + down, "must be at most " + Long.MAX_VALUE);
        if (mode == null) throw Checks.fail("mode", null, "must be one of triangular, triangular2, exp_range");
        Checks.inLeftOpen("gamma", gamma, 0, 1);
    }

    @Override
    public double at(long step) {
        long t = Steps.clamp(step), total = Steps.add(up, down);
        // PyTorch's formulas, with the cycle split off in integers first: PyTorch's 1 + t/total − ⌊1 + t/total⌋
        // rounds differently in every cycle, so its wave repeats only to within an ulp; this one repeats exactly.
        long cycles = Steps.quotient(t, total), cycle = cycles + 1;
        double x = (double) (t - cycles * total) / total, ratio = (double) up / total;
        double scale = x <= ratio ? x / ratio : (x - 1) / (ratio - 1);
        double amplitude = switch (mode) {
            case TRIANGULAR -> 1.0;
            case TRIANGULAR2 -> 1 / Math.pow(2.0, cycle - 1);
            case EXP_RANGE -> Math.pow(gamma, t);
        };
        return Interpolation.between(lo, hi, scale * amplitude);
    }

    @Override
    public OptionalLong period() {
        return mode == Mode.TRIANGULAR ? OptionalLong.of(Steps.add(up, down)) : OptionalLong.empty();
    }

    @Override
    public Range range() {
        return new Range(lo, hi);
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
