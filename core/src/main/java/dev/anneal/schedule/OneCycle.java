package dev.anneal.schedule;

import java.util.OptionalLong;

/**
 * {@code onecycle(peak, steps=T, pct_start=0.3, div=25, final_div=1e4, anneal=cos|linear, three_phase=false)}:
 * Smith's one-cycle policy with PyTorch OneCycleLR's phases and defaults. It rises from peak/div to peak over the
 * first pct_start·T − 1 steps, then anneals to peak/(div·final_div) at step T − 1 (three_phase: back to
 * peak/div first, then down). Holds the final value afterwards. Example: onecycle(1, steps=100) at 29 is 1.
 */
public record OneCycle(double peak, long steps, double pctStart, double div, double finalDiv, Anneal anneal,
                       boolean threePhase) implements Schedule {

    public enum Anneal {
        COS, LINEAR;

        public String spec() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static final double PCT_START = 0.3, DIV = 25, FINAL_DIV = 1e4;
    public static final Anneal ANNEAL = Anneal.COS;
    public static final boolean THREE_PHASE = false;

    /** PyTorch's defaults. */
    public static OneCycle of(double peak, long steps) {
        return new OneCycle(peak, steps, PCT_START, DIV, FINAL_DIV, ANNEAL, THREE_PHASE);
    }

    public OneCycle {
        Checks.finite("peak", peak);
        Checks.positive("steps", steps);
        Checks.inClosed("pct_start", pctStart, 0, 1);
        Checks.positive("div", div);
        Checks.positive("final_div", finalDiv);
        if (anneal == null) throw Checks.fail("anneal", null, "must be one of cos, linear");
        // The start and end values are peak/div and peak/(div·final_div): a tiny divisor overflows them (then ∞ − ∞ is NaN).
        if (!Double.isFinite(peak / div)) throw Checks.fail("div", div, "is too small for peak (" + Checks.format(peak) + "): peak/div is not finite");
        if (!Double.isFinite(peak / div / finalDiv)) {
            throw Checks.fail("final_div", finalDiv, "is too small: peak/div/final_div (peak " + Checks.format(peak) + ", div " + Checks.format(div) + ") is not finite");
        }
        double warm = pctStart * steps;
        if (!(warm - 1 > 0)) {
            throw Checks.fail("pct_start·steps", warm, "must be > 1: the rising phase needs at least one step");
        }
        double lastStart = threePhase ? 2 * warm - 2 : warm - 1;
        if (!(steps - 1 - lastStart > 0)) {
            throw Checks.fail("pct_start", pctStart, "leaves no steps for the final phase (steps " + steps
                    + (threePhase ? ", three_phase): needs pct_start·steps < (steps + 1)/2" : "): needs pct_start < 1"));
        }
    }

    public double initial() {
        return peak / div;
    }

    public double last() {
        return initial() / finalDiv;
    }

    @Override
    public double at(long step) {
        double s = Math.min(Steps.clamp(step), steps - 1);
        double end1 = pctStart * steps - 1;
        if (s <= end1) return interpolate(initial(), peak, s / end1);
        if (!threePhase) return interpolate(peak, last(), (s - end1) / (steps - 1 - end1));
        double end2 = 2 * pctStart * steps - 2;
        if (s <= end2) return interpolate(peak, initial(), (s - end1) / (end2 - end1));
        return interpolate(initial(), last(), (s - end2) / (steps - 1 - end2));
    }

    private double interpolate(double start, double end, double pct) {
        return switch (anneal) {
            case COS -> end + (start - end) / 2.0 * (Math.cos(Math.PI * pct) + 1);
            case LINEAR -> (end - start) * pct + start;
        };
    }

    @Override
    public OptionalLong duration() {
        return OptionalLong.of(steps);
    }

    @Override
    public Range range() {
        return Range.hull(initial(), peak, last());
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
