package dev.anneal.optim;

import dev.anneal.schedule.Clamp;
import dev.anneal.schedule.Counter;
import dev.anneal.schedule.Phase;
import dev.anneal.schedule.Rescale;
import dev.anneal.schedule.Schedule;
import dev.anneal.schedule.Shift;
import dev.anneal.schedule.Then;
import dev.anneal.schedule.Warmup;
import dev.anneal.spec.Families;
import dev.anneal.spec.Node;
import dev.anneal.spec.Node.Arg;
import dev.anneal.spec.Node.Binary;
import dev.anneal.spec.Node.Call;
import dev.anneal.spec.Node.Num;
import dev.anneal.spec.Node.Op;
import dev.anneal.spec.Node.Percent;
import dev.anneal.spec.Node.Word;
import dev.anneal.spec.Param;
import dev.anneal.spec.Products;
import dev.anneal.spec.Param.Kind;
import dev.anneal.spec.Spec;
import dev.anneal.spec.SpecException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A hyperparameter's spec inside a schedule set: the spec language, where a bare name in a schedule position
 * ({@code lr}, {@code head.lr}) stands for another hyperparameter's schedule.
 * Schedule positions are the whole spec, the operands of {@code then} and {@code *}, and the schedule argument of
 * the transforms warmup, shift, phase, counter, clamp and rescale; every other call is bound by core's binder, so
 * errors keep core's wording and point at the column in the whole text.
 */
final class SetSpec {
    private static final Set<String> TRANSFORMS = Set.of("warmup", "shift", "phase", "counter", "clamp", "rescale");

    private final String text;
    private final Node root;

    SetSpec(String text) {
        this.text = text;
        this.root = Spec.syntax(text);
    }

    String text() {
        return text;
    }

    /** The names this spec refers to, in order of appearance. */
    List<Word> references() {
        List<Word> words = new ArrayList<>();
        collect(root, words);
        return words;
    }

    private void collect(Node node, List<Word> words) {
        switch (node) {
            case Word w -> words.add(w);
            case Binary b -> {
                collect(b.left(), words);
                collect(b.right(), words);
            }
            case Call c when TRANSFORMS.contains(c.name()) -> {
                for (Map.Entry<Param, Node> e : arguments(c).entrySet()) {
                    if (e.getKey().kind() == Kind.SCHEDULE) collect(e.getValue(), words);
                }
            }
            default -> { }
        }
    }

    /** The schedule, with each reference replaced by {@code lookup}'s schedule for it. */
    Schedule bind(OptionalLong total, Function<Word, Schedule> lookup) {
        return new Binding(total, lookup).schedule(root);
    }

    /** A reference's error, placed under its column. */
    SpecException error(String reason, Node at) {
        return new SpecException(reason, text, at.column());
    }

    private Map<Param, Node> arguments(Call call) {
        List<Param> params = Families.find(call.name()).orElseThrow().params();
        String signature = call.name() + "(" + String.join(", ", params.stream().map(Param::signature).toList()) + ")";
        Map<Param, Node> given = new LinkedHashMap<>();
        int positional = 0;
        for (Arg arg : call.args()) {
            Param param;
            if (arg.name() == null) {
                if (positional >= params.size()) throw error(call.name() + " takes at most " + params.size() + " arguments: " + signature, arg.value());
                param = params.get(positional++);
            } else {
                param = params.stream().filter(p -> p.name().equals(arg.name())).findFirst()
                        .orElseThrow(() -> new SpecException(call.name() + " has no parameter '" + arg.name() + "'; its parameters: "
                                + signature, text, arg.column()));
            }
            if (given.put(param, arg.value()) != null) throw new SpecException(param.name() + " is given twice", text, arg.column());
        }
        for (Param p : params) {
            if (p.required() && !given.containsKey(p)) throw error(call.name() + " is missing " + p.name() + ": " + signature, call);
        }
        return given;
    }

    private final class Binding {
        private final OptionalLong total;
        private final Function<Word, Schedule> lookup;

        Binding(OptionalLong total, Function<Word, Schedule> lookup) {
            this.total = total;
            this.lookup = lookup;
        }

        Schedule schedule(Node node) {
            return switch (node) {
                case Word w -> lookup.apply(w);
                case Binary b when b.op() == Op.THEN -> build(b, () -> new Then(schedule(b.left()), schedule(b.right())));
                case Binary b -> {
                    if (operand(b) instanceof Schedule s) yield s;
                    throw error("a product of numbers is not a schedule", b);
                }
                case Call c when TRANSFORMS.contains(c.name()) -> transform(c);
                case Call c -> core(c);
                default -> throw error("expected a schedule, found " + Node.describe(node), node);
            };
        }

        /** A factor of a product: numbers fold, a number times a schedule scales it. */
        private Object operand(Node node) {
            if (node instanceof Num n) return n.value();
            if (!(node instanceof Binary b) || b.op() != Op.TIMES) return schedule(node);
            Object left = operand(b.left()), right = operand(b.right());
            return build(b, () -> Products.times(left, right));
        }

        private Schedule transform(Call call) {
            Map<String, Node> args = new LinkedHashMap<>();
            arguments(call).forEach((p, n) -> args.put(p.name(), n));
            return build(call, () -> switch (call.name()) {
                case "warmup" -> new Warmup(steps("steps", args.get("steps")), schedule(args.get("schedule")));
                case "shift" -> new Shift(schedule(args.get("schedule")), steps("by", args.get("by")));
                case "phase" -> new Phase(schedule(args.get("schedule")), number("fraction", args.get("fraction")));
                case "counter" -> new Counter(schedule(args.get("schedule")));
                case "rescale" -> new Rescale(schedule(args.get("schedule")), number("min", args.get("min")), number("max", args.get("max")));
                case "clamp" -> {
                    Node min = args.get("min"), max = args.get("max");
                    if (min == null && max == null) throw new IllegalArgumentException("clamp needs min, max or both");
                    yield new Clamp(schedule(args.get("schedule")),
                            min == null ? Double.NEGATIVE_INFINITY : number("min", min),
                            max == null ? Double.POSITIVE_INFINITY : number("max", max));
                }
                default -> throw new IllegalStateException("not a transform: " + call.name());
            });
        }

        /** A call without references: core binds the call's own text; its error columns shift into the whole text. */
        private Schedule core(Call call) {
            int start = call.column() - 1, end = closing(start);
            try {
                return Spec.parse(text.substring(start, end), total);
            } catch (SpecException e) {
                throw new SpecException(e.reason(), text, e.column() > 0 ? e.column() + start : call.column());
            }
        }

        /** The index just after the parenthesis that closes the call starting at {@code start}. */
        private int closing(int start) {
            int depth = 0;
            char quote = 0;
            for (int i = start; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quote != 0) {
                    if (c == '\\') i++;
                    else if (c == quote) quote = 0;
                } else if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    return i + 1;
                }
            }
            return text.length();
        }

        private double number(String name, Node n) {
            if (n instanceof Num num) return num.value();
            throw error(name + " expects a number, found " + Node.describe(n), n);
        }

        private long steps(String name, Node n) {
            double v = switch (n) {
                case Num num -> num.value();
                case Percent p when total.isPresent() -> Math.round(total.getAsLong() * p.percent() / 100);
                case Percent p -> throw error(name + " (" + p.text() + "%) is a percentage of the total steps, but the set gives no total", n);
                default -> throw error(name + " expects a number of steps, found " + Node.describe(n), n);
            };
            if (v != Math.rint(v) || Math.abs(v) > 0x1p62) throw error(name + " (" + v + ") must be a whole number of steps", n);
            return (long) v;
        }

        private <T> T build(Node at, Supplier<T> builder) {
            try {
                return builder.get();
            } catch (SpecException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw error(e.getMessage(), at);
            }
        }
    }
}
