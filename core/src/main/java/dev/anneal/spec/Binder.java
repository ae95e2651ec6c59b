package dev.anneal.spec;

import dev.anneal.schedule.Checks;
import dev.anneal.schedule.InvalidInputException;
import dev.anneal.schedule.Schedule;
import dev.anneal.schedule.Then;
import dev.anneal.spec.Node.Arg;
import dev.anneal.spec.Node.Binary;
import dev.anneal.spec.Node.Call;
import dev.anneal.spec.Node.Num;
import dev.anneal.spec.Node.Op;
import dev.anneal.spec.Node.Word;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Turns a syntax tree into a schedule: looks up families, binds arguments, and places every error in the text. */
final class Binder {
    private final String text;
    private final OptionalLong total;
    private final Scope scope;

    Binder(String text, OptionalLong total, Scope scope) {
        this.text = text;
        this.total = total;
        this.scope = scope;
    }

    /** The schedule of a whole spec; an exception the scope raised comes out as it was thrown. */
    Schedule bind(Node root) {
        try {
            return schedule(root);
        } catch (ScopeFailure e) {
            throw e.getCause();
        }
    }

    /** Carries a scope's own exception past the binder's handlers, which place the binder's errors in the text. */
    private static final class ScopeFailure extends RuntimeException {
        ScopeFailure(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    OptionalLong total() {
        return total;
    }

    Schedule schedule(Node node) {
        return switch (node) {
            case Call call -> call(call);
            case Binary b when b.op() == Op.THEN -> chain(b);
            case Binary b -> {
                Object product = operand(b);
                if (product instanceof Schedule s) yield s;
                throw error("a product of numbers is not a schedule; write constant(" + Checks.format(product) + ")", b);
            }
            case Word w -> name(w);
            case Num n -> throw error("expected a schedule, found the number " + n.text() + "; write constant(" + n.text() + ")", n);
            default -> throw error("expected a schedule, found " + Node.describe(node), node);
        };
    }

    private Schedule name(Word w) {
        Optional<Schedule> found;
        try {
            found = scope.lookup(w.name());
        } catch (RuntimeException e) {
            throw new ScopeFailure(e);
        }
        return found.orElseThrow(() -> {
            String reason = scope.unknown(w.name());
            return error(reason != null ? reason : "expected a schedule, found " + Node.describe(w), w);
        });
    }

    /** A 'then' chain, bound piece by piece and joined as a balanced tree; a piece that never ends is reported at the 'then' after it. */
    private Schedule chain(Binary then) {
        List<Schedule> pieces = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        flatten(then, pieces, columns);
        for (int i = 0; i + 1 < pieces.size(); i++) {
            Schedule piece = pieces.get(i);
            if (piece.duration().isEmpty()) {
                throw new SpecException(Then.neverEnds(piece), text, columns.get(i));
            }
        }
        return Then.of(pieces);
    }

    /** In order: the pieces, and the column of the 'then' between each two. The parser's tree is balanced, so this recursion is shallow. */
    private void flatten(Node node, List<Schedule> pieces, List<Integer> columns) {
        if (node instanceof Binary b && b.op() == Op.THEN) {
            flatten(b.left(), pieces, columns);
            columns.add(b.column());
            flatten(b.right(), pieces, columns);
        } else {
            pieces.add(schedule(node));
        }
    }

    /** A factor of a product: a number or a schedule. Numbers fold; a number times a schedule scales it. */
    private Object operand(Node node) {
        if (node instanceof Num n) return n.value();
        if (!(node instanceof Binary b) || b.op() != Op.TIMES) return schedule(node);
        Object left = operand(b.left()), right = operand(b.right());
        return build(b, () -> Products.times(left, right));
    }

    private Schedule call(Call call) {
        Args args = bind(call);
        try {
            return args.family().builder().apply(args);
        } catch (SpecException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // A record's check names the parameter (steps, or an item: milestones[2]): point at that argument.
            InvalidInputException bad = InvalidInputException.of(e);
            String named = bad.name() != null ? bad.name() : "";
            for (Arg arg : call.args()) {
                String name = name(arg, call, args.family().params());
                if (named.equals(name) || named.startsWith(name + "[") || named.startsWith(name + "·")) {
                    throw new SpecException(bad, text, arg.column());
                }
            }
            throw new SpecException(bad, text, call.column());
        }
    }

    /** Matches a call's arguments to its family's parameters: unknown, repeated, missing and surplus arguments fail here. */
    Args bind(Call call) {
        Family family = Families.find(call.name()).orElseThrow(() -> error(unknown(call.name()), call));
        List<Param> params = family.params();
        Map<String, Node> given = new LinkedHashMap<>();
        int positional = 0;
        for (Arg arg : call.args()) {
            Param param;
            if (arg.name() == null) {
                if (positional >= params.size()) {
                    throw error(family.name() + " takes at most " + params.size() + " argument" + (params.size() == 1 ? "" : "s")
                            + ": " + family.signature(), arg.value());
                }
                param = params.get(positional++);
            } else {
                param = family.param(arg.name()).orElseThrow(() -> error(family.name() + " has no parameter '" + arg.name() + "'"
                        + Names.suggestion(arg.name(), params.stream().map(Param::name).toList())
                        + "; its parameters: " + family.signature(), arg));
            }
            if (given.put(param.name(), arg.value()) != null) throw error(param.name() + " is given twice", arg);
        }
        for (Param p : params) {
            if (p.required() && !given.containsKey(p.name())) {
                throw error(family.name() + " is missing " + p.name() + ": " + family.signature(), call);
            }
        }
        return new Args(family, call, given, this);
    }

    /** The parameter an argument binds to: its keyword, or the parameter at its position. */
    private static String name(Arg arg, Call call, List<Param> params) {
        if (arg.name() != null) return arg.name();
        return params.get(call.args().indexOf(arg)).name();
    }

    private <T> T build(Node at, java.util.function.Supplier<T> builder) {
        try {
            return builder.get();
        } catch (SpecException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new SpecException(e.getMessage(), text, at.column());
        }
    }

    private static String unknown(String name) {
        List<String> known = Families.names();
        int dot = name.indexOf('.');
        if (dot > 0) {
            String prefix = name.substring(0, dot);
            List<String> names = Families.dialect(prefix).stream().map(Family::name).toList();
            if (names.isEmpty()) {
                List<String> dialects = Families.dialects();
                return "unknown schedule '" + name + "': there is no '" + prefix + ".' dialect ("
                        + (dialects.isEmpty() ? "none is plugged in: add anneal-dialects, or another dialect, to the class path"
                        : "dialects: " + String.join(", ", dialects)) + ")";
            }
            String hint = Names.suggestion(name, names);
            return "unknown schedule '" + name + "'" + (hint.isEmpty() ? "; " + prefix + ". names: " + String.join(", ", names) : hint);
        }
        String hint = Names.suggestion(name, known);
        return "unknown schedule '" + name + "'" + (hint.isEmpty() ? "; known: " + String.join(", ", known) : hint);
    }

    SpecException error(String reason, Node at) {
        return new SpecException(reason, text, at == null ? 0 : at.column());
    }

    SpecException error(String reason, Arg at) {
        return new SpecException(reason, text, at.column());
    }
}
