package dev.anneal.spec;

import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Node.ListLit;
import dev.anneal.spec.Node.Num;
import dev.anneal.spec.Node.Percent;
import dev.anneal.spec.Node.Str;
import dev.anneal.spec.Node.Word;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The arguments of one call, bound to the family's parameters. Each getter converts the argument (or the
 * parameter's default) to the parameter's kind, and reports a wrong kind at the argument's column.
 */
public final class Args {
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE), HALF = new BigDecimal("0.5");

    private final Family family;
    private final Node.Call call;
    private final Map<String, Node> given;
    private final Binder binder;

    Args(Family family, Node.Call call, Map<String, Node> given, Binder binder) {
        this.family = family;
        this.call = call;
        this.given = given;
        this.binder = binder;
    }

    public Family family() {
        return family;
    }

    /** The call these arguments came from. */
    public Node.Call call() {
        return call;
    }

    /** The total steps that percentages refer to, if one was given. */
    public OptionalLong total() {
        return binder.total();
    }

    /** Binds a nested call (an item of a list argument, say) to its own family's parameters. */
    public Args nested(Node.Call nested) {
        return binder.bind(nested);
    }

    /** Binds any node that denotes a schedule. */
    public Schedule schedule(Node node) {
        return binder.schedule(node);
    }

    /** An error placed at a node of the spec (null: no place). */
    public SpecException error(String reason, Node at) {
        return binder.error(reason, at);
    }

    /** A number node's value, with the parameter's name in the error if it is not a number. */
    public double number(String name, Node n) {
        return switch (n) {
            case Num num -> num.value();
            case Percent pct -> throw binder.error(name + " (" + pct.text() + "%) takes a number, not a percentage of the total", n);
            default -> throw binder.error(name + " expects a number, found " + Node.describe(n), n);
        };
    }

    public boolean given(String name) {
        return given.containsKey(param(name).name());
    }

    /** The raw syntax of an argument, for families that read structured literals. */
    public Node node(String name) {
        return given.get(param(name).name());
    }

    public double number(String name) {
        Param p = param(name);
        Node n = given.get(name);
        if (n == null) return ((Number) fallback(p)).doubleValue();
        return number(p.name(), n);
    }

    public long steps(String name) {
        Param p = param(name);
        Node n = given.get(name);
        if (n == null) return ((Number) fallback(p)).longValue();
        return steps(p.name(), n);
    }

    public long integer(String name) {
        Param p = param(name);
        Node n = given.get(name);
        if (n == null) return ((Number) fallback(p)).longValue();
        if (n instanceof Num num) return whole(p.name(), num, "a whole number");
        throw binder.error(name + " expects a whole number, found " + Node.describe(n), n);
    }

    public List<Long> stepsList(String name) {
        Param p = param(name);
        Node n = given.get(name);
        if (!(n instanceof ListLit list)) {
            throw binder.error(p.name() + " expects a list of steps such as [30, 60], found "
                    + (n == null ? "nothing" : Node.describe(n)), n);
        }
        List<Long> steps = new ArrayList<>();
        for (Node item : list.items()) steps.add(steps(p.name(), item));
        return steps;
    }

    public String word(String name) {
        Param p = param(name);
        Node n = given.get(name);
        if (n == null) return (String) fallback(p);
        String w = switch (n) {
            case Word word -> word.name();
            case Str s -> s.value();
            default -> throw binder.error(name + " expects one of " + String.join(", ", p.choices())
                    + ", found " + Node.describe(n), n);
        };
        if (!p.choices().contains(w)) {
            throw binder.error(name + " (" + w + ") must be one of " + String.join(", ", p.choices()), n);
        }
        return w;
    }

    public boolean flag(String name) {
        Param p = param(name);
        Node n = given.get(name);
        if (n == null) return (Boolean) fallback(p);
        if (n instanceof Word w) {
            switch (w.name()) {
                case "true", "True" -> { return true; }
                case "false", "False" -> { return false; }
                default -> { }
            }
        }
        throw binder.error(name + " (" + describeShort(n) + ") must be true or false", n);
    }

    public Schedule schedule(String name) {
        Param p = param(name);
        Node n = given.get(name);
        if (n == null) throw binder.error(family.name() + " is missing " + p.name(), (Node) null);
        return binder.schedule(n);
    }

    /** A step-count node: a whole number, or a percentage of the total. */
    public long steps(String name, Node n) {
        return switch (n) {
            case Num num -> whole(name, num, "a whole number of steps");
            case Percent pct -> {
                OptionalLong total = binder.total();
                if (total.isEmpty()) {
                    throw binder.error(name + " (" + pct.text() + "%) is a percentage of the total steps, but no total was given (use --total N)", n);
                }
                yield percentOf(name, pct, total.getAsLong());
            }
            default -> throw binder.error(name + " expects a number of steps, found " + Node.describe(n), n);
        };
    }

    /** Rounded half up, as Math.round does, but exact for totals beyond 2^53. */
    private long percentOf(String name, Percent pct, long total) {
        BigDecimal share = BigDecimal.valueOf(total).multiply(new BigDecimal(pct.text().replace("_", "")))
                .movePointLeft(2).add(HALF).setScale(0, RoundingMode.FLOOR);
        if (share.abs().compareTo(LONG_MAX) > 0) {
            throw binder.error(name + " (" + pct.text() + "% of " + total + ") must be at most " + Long.MAX_VALUE + " in magnitude", pct);
        }
        return share.longValueExact();
    }

    /** Read from the literal's text, not its double: a double holds every whole number only up to 2^53. */
    private long whole(String name, Num num, String what) {
        BigDecimal exact = new BigDecimal(num.text().replace("_", "")).stripTrailingZeros();
        if (exact.scale() > 0) throw binder.error(name + " (" + num.text() + ") must be " + what, num);
        // More than 19 digits cannot fit; checking first avoids expanding a literal such as 1e300 digit by digit.
        if (exact.precision() - exact.scale() > 19 || exact.abs().compareTo(LONG_MAX) > 0) {
            throw binder.error(name + " (" + num.text() + ") must be at most " + Long.MAX_VALUE + " in magnitude", num);
        }
        return exact.longValueExact();
    }

    private Param param(String name) {
        return family.param(name).orElseThrow(() -> new IllegalStateException(family.name() + " has no parameter " + name));
    }

    private Object fallback(Param p) {
        if (p.fallback() == null || p.required()) throw new IllegalStateException(family.name() + "." + p.name() + " has no default");
        return p.fallback();
    }

    private static String describeShort(Node n) {
        return switch (n) {
            case Word w -> w.name();
            case Num num -> num.text();
            case Str s -> "'" + s.value() + "'";
            default -> Node.describe(n);
        };
    }
}
