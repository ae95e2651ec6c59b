package dev.anneal.convert;

import dev.anneal.schedule.Schedule;

import java.util.Optional;
import java.util.OptionalLong;

/** Compares a conversion with its source on a {@link Span}: the numbers decide, not the rules that made it. */
final class Equivalence {
    private Equivalence() {}

    static Check check(Schedule source, Schedule conversion, Span span) {
        long[] steps = span.steps();
        double[] expected = new double[steps.length];
        boolean[] defined = new boolean[steps.length];
        OptionalLong raises = OptionalLong.empty();
        double peak = 0;
        for (int i = 0; i < steps.length; i++) {
            try {
                expected[i] = source.at(steps[i]);
                defined[i] = true;
                if (Double.isFinite(expected[i])) peak = Math.max(peak, Math.abs(expected[i]));
            } catch (IllegalArgumentException e) {
                if (raises.isEmpty()) raises = OptionalLong.of(steps[i]);
            }
        }
        for (int i = 0; i < steps.length; i++) {
            if (!defined[i]) continue;
            double actual;
            try {
                actual = conversion.at(steps[i]);
            } catch (IllegalArgumentException e) {
                return new Check(span.describe(), Optional.of(new Check.Difference(steps[i], expected[i], Double.NaN, e.getMessage())), raises);
            }
            if (!Check.agree(expected[i], actual, peak)) {
                return new Check(span.describe(), Optional.of(new Check.Difference(steps[i], expected[i], actual, null)), raises);
            }
        }
        return new Check(span.describe(), Optional.empty(), raises);
    }
}
