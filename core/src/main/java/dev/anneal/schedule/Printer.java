package dev.anneal.schedule;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Prints a schedule as canonical spec text: leading values positional, the rest named, defaults left out, and
 * parentheses only where precedence needs them. Parsing the text gives an equal schedule.
 */
final class Printer {
    private Printer() {}

    static String print(Schedule schedule) {
        return switch (schedule) {
            case Constant c -> call("constant", number(c.value()));
            case Linear l -> call("linear", number(l.start()), number(l.end()), "steps=" + l.steps());
            case Step s -> call("step", number(s.value()), "every=" + s.every(), named("gamma", s.gamma(), Step.GAMMA));
            case MultiStep m -> call("multistep", number(m.value()),
                    "at=" + m.at().stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]")),
                    named("gamma", m.gamma(), MultiStep.GAMMA));
            case Exponential e -> call("exponential", number(e.value()), "gamma=" + number(e.gamma()));
            case HalfLife h -> call("exponential", number(h.value()), "half_life=" + number(h.halfLife()));
            case InverseTime i -> call("inverse_time", number(i.value()), "k=" + number(i.k()), named("power", i.power(), InverseTime.POWER));
            case InverseSqrt i -> call("inverse_sqrt", number(i.value()));
            case PowerLaw p -> call("power_law", number(p.value()), "alpha=" + number(p.alpha()));
            case Polynomial p -> call("polynomial", number(p.value()), named("end", p.end(), Polynomial.END), "steps=" + p.steps(),
                    named("power", p.power(), Polynomial.POWER));
            case Cosine c -> call("cosine", number(c.value()), "steps=" + c.steps(), named("floor", c.floor(), Cosine.FLOOR));
            case Sgdr s -> call("sgdr", number(s.value()), "period=" + s.firstPeriod(), s.mult() == Sgdr.MULT ? null : "mult=" + s.mult(),
                    named("floor", s.floor(), Sgdr.FLOOR));
            case Cyclic c -> call("cyclic", number(c.lo()), number(c.hi()), "up=" + c.up(),
                    c.down() == c.up() ? null : "down=" + c.down(),
                    c.mode() == Cyclic.MODE ? null : "mode=" + c.mode().spec(), named("gamma", c.gamma(), Cyclic.GAMMA));
            case OneCycle o -> call("onecycle", number(o.peak()), "steps=" + o.steps(),
                    named("pct_start", o.pctStart(), OneCycle.PCT_START), named("div", o.div(), OneCycle.DIV),
                    named("final_div", o.finalDiv(), OneCycle.FINAL_DIV),
                    o.anneal() == OneCycle.ANNEAL ? null : "anneal=" + o.anneal().spec(),
                    o.threePhase() == OneCycle.THREE_PHASE ? null : "three_phase=" + o.threePhase());
            case Wsd w -> call("wsd", number(w.peak()), "warmup=" + w.warmup(), "stable=" + w.stable(), "decay=" + w.decay(),
                    named("floor", w.floor(), Wsd.FLOOR), w.shape() == Wsd.SHAPE ? null : "shape=" + w.shape().spec());
            case Then t -> t.pieces().stream().map(Printer::print).collect(Collectors.joining(" then "));
            case Warmup w -> call("warmup", String.valueOf(w.steps()), print(w.target()));
            case Scaled s -> number(s.factor()) + " * " + factor(s.schedule(), true);
            case Product p -> factor(p.left(), false) + " * " + factor(p.right(), true);
            case Shift s -> call("shift", print(s.schedule()), String.valueOf(s.by()));
            case Phase p -> call("phase", print(p.schedule()), number(p.fraction()));
            case Counter c -> call("counter", print(c.schedule()));
            case Clamp c -> call("clamp", print(c.schedule()),
                    c.min() == Double.NEGATIVE_INFINITY ? null : "min=" + number(c.min()),
                    c.max() == Double.POSITIVE_INFINITY ? null : "max=" + number(c.max()));
            case Rescale r -> call("rescale", print(r.schedule()), "min=" + number(r.min()), "max=" + number(r.max()));
            case Custom c -> c.name();
            case Framework f -> f.spec();
        };
    }

    /** A side of '*': products fold from the left, and 'then' binds looser than '*'. */
    private static String factor(Schedule s, boolean right) {
        boolean wrap = s instanceof Then || (right && (s instanceof Product || s instanceof Scaled));
        return wrap ? "(" + print(s) + ")" : print(s);
    }

    private static String call(String name, String... args) {
        return name + Arrays.stream(args).filter(Objects::nonNull).collect(Collectors.joining(", ", "(", ")"));
    }

    private static String named(String name, double value, double fallback) {
        return Double.compare(value, fallback) == 0 ? null : name + "=" + number(value);
    }

    /** Shortest round-trip form; whole numbers without ".0". */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15 && !(v == 0 && 1 / v < 0)) return Long.toString((long) v);
        return Double.toString(v);
    }
}
