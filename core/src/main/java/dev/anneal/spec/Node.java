package dev.anneal.spec;

import java.util.List;

/** The syntax tree of a spec, before names are bound to families. Every node knows its 1-based column. */
public sealed interface Node {
    int column();

    /** A number literal; {@code text} keeps the source form for messages. */
    record Num(double value, String text, int column) implements Node {}

    /** {@code 5%}: a share of the total number of steps. */
    record Percent(double percent, String text, int column) implements Node {}

    record Str(String value, int column) implements Node {}

    /** A bare name used as a value: {@code mode=triangular}, {@code True}, {@code None}. */
    record Word(String name, int column) implements Node {}

    record ListLit(List<Node> items, int column) implements Node {}

    record DictLit(List<Entry> entries, int column) implements Node {}

    record Entry(Node key, Node value) {}

    /** {@code name(arg, …, key=arg, …)}; {@code name} may be dotted ({@code torch.StepLR}). */
    record Call(String name, List<Arg> args, int column) implements Node {}

    /** An argument; {@code name} is null for a positional one. */
    record Arg(String name, Node value, int column) {}

    /** {@code left then right} or {@code left * right}; the column is the operator's. */
    record Binary(Op op, Node left, Node right, int column) implements Node {}

    enum Op { THEN, TIMES }

    /** How a node reads in messages. */
    static String describe(Node node) {
        return switch (node) {
            case Num n -> "the number " + n.text();
            case Percent p -> "the percentage " + p.text() + "%";
            case Str s -> "the string '" + s.value() + "'";
            case Word w -> "the word " + w.name();
            case ListLit l -> "a list";
            case DictLit d -> "a dict";
            case Call c -> "the schedule " + c.name() + "(…)";
            case Binary b -> b.op() == Op.THEN ? "a 'then' sequence" : "a product";
        };
    }
}
