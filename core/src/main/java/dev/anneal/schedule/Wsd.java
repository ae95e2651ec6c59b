package dev.anneal.schedule;

import java.util.OptionalLong;

/**
 * {@code wsd(peak, warmup=w, stable=s, decay=d, floor=f, shape=linear|cosine|sqrt)}: warmup-stable-decay. Linear
 * from 0 to peak over w steps, peak for s steps, then from peak to f over d steps with the given shape
 * (sqrt: peak − (peak − f)·√p, as in MiniCPM and Hugging Face's "1-sqrt"). Example: wsd(1, warmup=10, stable=80,
 * decay=10) at 95 is 0.5.
 */
public record Wsd(double peak, long warmup, long stable, long decay, double floor, Shape shape) implements Schedule {

    public enum Shape {
        LINEAR, COSINE, SQRT;

        public String spec() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static final double FLOOR = 0;
    public static final Shape SHAPE = Shape.LINEAR;

    public Wsd {
        Checks.finite("peak", peak);
        Checks.nonNegative("warmup", warmup);
        Checks.nonNegative("stable", stable);
        Checks.positive("decay", decay);
        Checks.finite("floor", floor);
        if (shape == null) throw Checks.fail("shape", null, "must be one of linear, cosine, sqrt");
    }

    @Override
    public double at(long step) {
        long t = Steps.clamp(step);
        if (t < warmup) return peak * t / warmup;
        long decayStart = Steps.add(warmup, stable);
        if (t < decayStart) return peak;
        double p = Steps.progress(t - decayStart, decay);
        return switch (shape) {
            case LINEAR -> Interpolation.between(peak, floor, p);
            case COSINE -> Interpolation.between(floor, peak, (1 + Math.cos(Math.PI * p)) / 2);
            case SQRT -> Interpolation.between(floor, peak, 1 - Math.sqrt(p));
        };
    }

    @Override
    public OptionalLong duration() {
        return OptionalLong.of(Steps.add(Steps.add(warmup, stable), decay));
    }

    @Override
    public Range range() {
        Range r = Range.hull(peak, floor);
        return warmup > 0 ? r.union(Range.point(0)) : r;
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
