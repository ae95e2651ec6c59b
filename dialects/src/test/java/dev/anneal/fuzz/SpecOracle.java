package dev.anneal.fuzz;

import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Spec;
import dev.anneal.spec.SpecException;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What must hold for any text given to the spec language: it is either rejected with a clean error (an
 * IllegalArgumentException, a SpecException for syntax) or accepted as a schedule that never returns NaN at any
 * step, whose claimed period holds, and whose printed text parses back to an equal schedule. Any other throwable
 * (StackOverflowError, ArithmeticException, NullPointerException, OutOfMemoryError, …) is a crash.
 */
public final class SpecOracle {
    private SpecOracle() {}

    /** A broken invariant: which one, and what happened. */
    public record Finding(String invariant, String detail) {}

    private static final long[] STEPS = {Long.MIN_VALUE, -1, 0, 1, 2, 3, 7, 10, 99, 100, 1000, 65_536, 1L << 31,
            1L << 53, (1L << 53) + 1, 1L << 62, Long.MAX_VALUE - 1, Long.MAX_VALUE};
    private static final OptionalLong[] TOTALS = {OptionalLong.empty(), OptionalLong.of(1000), OptionalLong.of(Long.MAX_VALUE)};

    public static Optional<Finding> check(String text) {
        for (OptionalLong total : TOTALS) {
            Schedule s;
            try {
                s = Spec.parse(text, total);
            } catch (SpecException e) {
                if (e.reason() == null || e.reason().isBlank()) return found("clean error", "a SpecException without a reason");
                if (e.column() < 0 || e.column() > text.length() + 1) return found("clean error", "column " + e.column() + " outside the text");
                continue;
            } catch (IllegalArgumentException e) {
                continue;
            } catch (Throwable e) {
                return found("clean error", describe(e) + " while parsing with total " + total);
            }
            Optional<Finding> f = accepted(s, total);
            if (f.isPresent()) return f;
        }
        return Optional.empty();
    }

    private static Optional<Finding> accepted(Schedule s, OptionalLong total) {
        String stage = "evaluating";
        try {
            OptionalLong duration = s.duration();
            for (long step : STEPS) {
                Optional<Finding> f = value(s, step);
                if (f.isPresent()) return f;
            }
            if (duration.isPresent()) {
                long d = duration.getAsLong();
                for (long step : new long[] {d - 1, d, d + 1}) {
                    Optional<Finding> f = value(s, step);
                    if (f.isPresent()) return f;
                }
            }
            stage = "range";
            s.range();
            stage = "period";
            OptionalLong period = s.period();
            if (period.isPresent()) {
                long p = period.getAsLong();
                if (p <= 0) return found("period", "period " + p + " claimed");
                for (long t : new long[] {0, 1, 2, 5, p / 3, p - 1}) {
                    if (t < 0 || t > Long.MAX_VALUE - p) continue;
                    double a = s.at(t), b = s.at(t + p);
                    if (Double.compare(a, b) != 0) return found("period", "period " + p + " claimed, but at(" + t + ") = " + a + " and at(" + (t + p) + ") = " + b);
                }
            }
            stage = "printing";
            String printed = Spec.print(s);
            stage = "parsing the printed text";
            Schedule again = Spec.parse(printed, total);
            if (!again.equals(s)) return found("round trip", "printed as " + abbreviate(printed) + ", which parses to a different schedule");
        } catch (IllegalArgumentException e) {
            // A dialect reports its framework's own failure at a step (PyTorch's OverflowError, say): a clean error.
            if (stage.startsWith("parsing")) return found("round trip", "the printed text is rejected: " + firstLine(e.getMessage()));
            if (!stage.equals("evaluating")) return found("clean error", describe(e) + " while " + stage);
        } catch (Throwable e) {
            return found("clean error", describe(e) + " while " + stage);
        }
        return Optional.empty();
    }

    private static Optional<Finding> value(Schedule s, long step) {
        double v = s.at(step);
        return Double.isNaN(v) ? found("no NaN", "NaN at step " + step) : Optional.empty();
    }

    private static Optional<Finding> found(String invariant, String detail) {
        return Optional.of(new Finding(invariant, detail));
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + abbreviate(firstLine(e.getMessage())));
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    static String abbreviate(String s) {
        return s.length() <= 160 ? s : s.substring(0, 120) + "… (" + s.length() + " characters)";
    }
}
