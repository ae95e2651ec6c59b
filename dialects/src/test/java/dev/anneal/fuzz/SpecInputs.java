package dev.anneal.fuzz;

import dev.anneal.spec.Families;
import dev.anneal.spec.Family;
import dev.anneal.spec.Param;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Hostile spec text from a seed: well-formed calls of every family (native and dialects) with extreme values,
 * mutations of the families' examples, and deep or long inputs (nesting, 'then' chains, '*' chains) around the
 * limits. The same seed always gives the same text, so a failure is reproduced from its seed.
 */
public final class SpecInputs {
    private SpecInputs() {}

    static final List<Family> FAMILIES = Stream.concat(Families.all().stream(),
            Families.dialects().stream().flatMap(d -> Families.dialect(d).stream())).toList();

    /** Values that break arithmetic: the ends of double and long, subnormals, signed zeros, huge exponents. */
    static final List<String> EXTREMES = List.of("0", "-0", "1", "-1", "0.5", "2", "3", "10", "100", "1000", "0.1", "1e-3",
            "1e308", "-1e308", "1.7976931348623157e308", "4.9e-324", "-4.9e-324", "2.2250738585072014e-308", "1e15",
            "9007199254740993", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "4611686018427387904",
            "1e-99999999", "1e999", "1e-2147483646", "1e-400", "0.999999999999", "1.0000000001", "1_000", "5e-324",
            "123456789012345678901234567890");

    private static final List<String> TOKENS = List.of("(", ")", "[", "]", "{", "}", ",", "=", ":", "*", " then ", "%",
            "'", "\"", "True", "None", "nan", "inf", "-", "+", ".", "e", "_", "constant(1)", "cosine(0.1, steps=10)");

    public static String of(long seed) {
        Random r = new Random(seed);
        return switch (r.nextInt(10)) {
            case 0, 1, 2 -> spec(r, 0);
            case 3, 4, 5 -> mutate(r, r.nextBoolean() ? example(r) : spec(r, 0));
            case 6 -> deep(r);
            case 7 -> chain(r);
            default -> joined(r);
        };
    }

    private static String example(Random r) {
        return FAMILIES.get(r.nextInt(FAMILIES.size())).example();
    }

    /** A call of a random family, every argument a plausible or extreme value of its kind. */
    static String spec(Random r, int depth) {
        Family f = FAMILIES.get(r.nextInt(FAMILIES.size()));
        List<String> args = new ArrayList<>();
        for (Param p : f.params()) {
            if (!p.required() && r.nextInt(3) == 0) continue;
            args.add(p.name() + "=" + value(r, p, depth));
        }
        return f.name() + "(" + String.join(", ", args) + ")";
    }

    private static String value(Random r, Param p, int depth) {
        return switch (p.kind()) {
            case NUMBER -> number(r);
            case STEPS, INTEGER -> r.nextInt(4) == 0 ? number(r) + "%" : number(r);
            case STEPS_LIST -> {
                List<String> items = new ArrayList<>();
                for (int i = r.nextInt(4); i > 0; i--) items.add(number(r));
                yield "[" + String.join(", ", items) + "]";
            }
            case WORD -> p.choices().isEmpty() ? "x" : p.choices().get(r.nextInt(p.choices().size()));
            case FLAG -> r.nextBoolean() ? "true" : "False";
            case SCHEDULE -> depth < 3 ? spec(r, depth + 1) : "constant(" + number(r) + ")";
        };
    }

    static String number(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> Integer.toString(r.nextInt(2000) - 100);
            case 1 -> Double.toString(r.nextDouble());
            default -> EXTREMES.get(r.nextInt(EXTREMES.size()));
        };
    }

    /** A few random edits: insert a token or a number, delete or duplicate a slice. */
    static String mutate(Random r, String text) {
        StringBuilder s = new StringBuilder(text);
        for (int edits = 1 + r.nextInt(4); edits > 0; edits--) {
            int at = r.nextInt(s.length() + 1);
            switch (r.nextInt(4)) {
                case 0 -> s.insert(at, TOKENS.get(r.nextInt(TOKENS.size())));
                case 1 -> s.insert(at, number(r));
                case 2 -> s.delete(at, Math.min(s.length(), at + 1 + r.nextInt(6)));
                default -> {
                    int end = Math.min(s.length(), at + 1 + r.nextInt(20));
                    s.insert(at, s.substring(at, end).repeat(1 + r.nextInt(200)));
                }
            }
        }
        return s.toString();
    }

    /** An opener repeated around a core: deeper and shallower than the nesting limit, balanced or not. */
    static String deep(Random r) {
        String[][] shapes = {{"warmup(1, ", ")"}, {"(", ")"}, {"counter(", ")"}, {"clamp(", ", min=0)"},
                {"[", "]"}, {"{1: ", "}"}, {"torch.SequentialLR(schedulers=[", "], milestones=[1])"}, {"2 * ", ""}};
        String[] shape = shapes[r.nextInt(shapes.length)];
        int n = List.of(10, 49, 50, 51, 99, 100, 101, 1000, 3000).get(r.nextInt(9));
        String core = r.nextBoolean() ? "constant(1)" : "cyclic(0, 1, up=2)";
        String close = r.nextInt(5) == 0 ? shape[1].repeat(n / 2) : shape[1].repeat(n);
        return shape[0].repeat(n) + core + close;
    }

    /** A long 'then' or '*' chain of short pieces. */
    static String chain(Random r) {
        int n = r.nextInt(20) == 0 ? List.of(3000, 10_000, 20_000).get(r.nextInt(3)) : 2 + r.nextInt(200);
        String piece = r.nextBoolean() ? "linear(0, 1, steps=3)" : "cosine(1, steps=" + number(r) + ")";
        String op = r.nextInt(4) == 0 ? " * " : " then ";
        return String.join(op, java.util.Collections.nCopies(n, piece));
    }

    /** Generated specs joined by 'then' and '*'. */
    static String joined(Random r) {
        StringBuilder s = new StringBuilder(spec(r, 0));
        for (int i = r.nextInt(4); i > 0; i--) s.append(r.nextBoolean() ? " then " : " * ").append(spec(r, 1));
        return s.toString();
    }
}
