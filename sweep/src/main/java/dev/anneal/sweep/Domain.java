package dev.anneal.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/** The values one swept parameter may take: a list (grid takes each; random picks one) or a numeric range. */
public sealed interface Domain {
    /** Every value a grid visits, as text. */
    List<String> grid();

    /** One value drawn at random. */
    String sample(RandomGenerator rng);

    /** Whether a figure should put this parameter on a log axis. */
    default boolean logScale() {
        return false;
    }

    /** Listed values (numbers, names, spec fragments): {@code [a, b, c]} or {@code {choice: [a, b, c]}}. */
    record Listed(List<String> values) implements Domain {
        public Listed {
            if (values.isEmpty()) throw new IllegalArgumentException("a list of values must not be empty");
            values = List.copyOf(values);
        }

        @Override
        public List<String> grid() {
            return values;
        }

        @Override
        public String sample(RandomGenerator rng) {
            return values.get(rng.nextInt(values.size()));
        }
    }

    /**
     * A range {@code [lo, hi]}: a grid of {@code count} points spaced evenly (in log scale when {@code log}); random
     * draws uniformly (log-uniformly). Integer ranges round to whole numbers.
     */
    record Span(double lo, double hi, boolean log, int count, boolean integer) implements Domain {
        public Span {
            if (!(Double.isFinite(lo) && Double.isFinite(hi) && lo <= hi)) {
                throw new IllegalArgumentException("range [" + lo + ", " + hi + "] must be finite with lo <= hi");
            }
            if (log && !(lo > 0)) throw new IllegalArgumentException("a log range needs lo > 0, got " + lo);
            if (count < 1) throw new IllegalArgumentException("count (" + count + ") must be >= 1");
        }

        @Override
        public List<String> grid() {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                double f = count == 1 ? 0 : i / (double) (count - 1);
                out.add(text(log ? lo * Math.pow(hi / lo, f) : lo + (hi - lo) * f));
            }
            return out.stream().distinct().toList();
        }

        @Override
        public String sample(RandomGenerator rng) {
            double u = rng.nextDouble();
            return text(log ? lo * Math.pow(hi / lo, u) : lo + (hi - lo) * u);
        }

        @Override
        public boolean logScale() {
            return log;
        }

        /** Whole numbers for integer ranges, else 6 significant digits: values a person can read and type. */
        String text(double v) {
            if (integer) return Long.toString(Math.round(v));
            return number(new java.math.BigDecimal(v).round(new java.math.MathContext(6)).doubleValue());
        }
    }

    /** A number as spec text: shortest round-trip form, whole numbers without ".0". */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Double.toString(v).toLowerCase(Locale.ROOT);
    }
}
