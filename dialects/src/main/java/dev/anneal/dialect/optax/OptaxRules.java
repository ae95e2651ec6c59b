package dev.anneal.dialect.optax;

import dev.anneal.dialect.Py;
import dev.anneal.dialect.Rules;
import dev.anneal.dialect.Shapes;
import dev.anneal.schedule.Constant;
import dev.anneal.schedule.Cosine;
import dev.anneal.schedule.Exponential;
import dev.anneal.schedule.HalfLife;
import dev.anneal.schedule.Linear;
import dev.anneal.schedule.MultiStep;
import dev.anneal.schedule.OneCycle;
import dev.anneal.schedule.Polynomial;
import dev.anneal.schedule.Schedule;
import dev.anneal.schedule.Sgdr;
import dev.anneal.schedule.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Native schedules as optax schedule functions: one function per piece, warmup_cosine_decay_schedule for a linear
 * warmup into a cosine, and join_schedules for any other pieces one after another (each sees the step relative to
 * its boundary, as native 'then' does).
 */
final class OptaxRules implements Rules.Single {

    @Override
    public String write(Schedule s) {
        List<Schedule> pieces = Shapes.pieces(s);
        if (pieces.size() == 1) return piece(pieces.getFirst());
        if (Shapes.warmupCosine(pieces).orElse(null) instanceof Shapes.WarmupCosine(Linear w, Cosine c)) {
            return Py.call("optax.warmup_cosine_decay_schedule", Py.kw("init_value", w.start()), Py.kw("peak_value", c.value()),
                    Py.kw("warmup_steps", w.steps()), Py.kw("decay_steps", w.steps() + c.steps()), Py.kw("end_value", c.floor()));
        }
        List<String> parts = new ArrayList<>();
        for (Schedule p : pieces) parts.add(piece(p));
        return Py.call("optax.join_schedules", "schedules=" + Py.list(parts), "boundaries=" + Py.list(Shapes.boundaries(pieces)));
    }

    private static String piece(Schedule p) {
        return switch (p) {
            case Constant c -> Py.call("optax.constant_schedule", Py.kw("value", c.value()));
            case Linear l -> Py.call("optax.linear_schedule", Py.kw("init_value", l.start()), Py.kw("end_value", l.end()),
                    Py.kw("transition_steps", l.steps()));
            case Polynomial q -> Py.call("optax.polynomial_schedule", Py.kw("init_value", q.value()), Py.kw("end_value", q.end()),
                    Py.kw("power", q.power()), Py.kw("transition_steps", q.steps()));
            case Exponential e -> exponential(e.value(), 1, e.gamma(), false);
            case HalfLife h when h.halfLife() == Math.rint(h.halfLife()) -> exponential(h.value(), (long) h.halfLife(), 0.5, false);
            case HalfLife h -> throw new Refusal("optax.exponential_decay takes whole transition_steps; half_life " + Py.num(h.halfLife()) + " is not");
            case Step st -> exponential(st.value(), st.every(), st.gamma(), true);
            case MultiStep m -> {
                TreeMap<Long, Double> scales = new TreeMap<>();
                for (long at : m.at()) scales.merge(at, m.gamma(), (a, b) -> a * b);
                yield Py.call("optax.piecewise_constant_schedule", Py.kw("init_value", m.value()),
                        "boundaries_and_scales=" + Py.dict(List.copyOf(scales.keySet()), List.copyOf(scales.values())));
            }
            case Cosine c when c.value() != 0 -> Py.call("optax.cosine_decay_schedule", Py.kw("init_value", c.value()),
                    Py.kw("decay_steps", c.steps()), Py.kw("alpha", c.floor() / c.value()));
            case OneCycle o when !o.threePhase() -> Py.call("optax." + (o.anneal() == OneCycle.Anneal.COS ? "cosine" : "linear") + "_onecycle_schedule",
                    Py.kw("transition_steps", o.steps()), Py.kw("peak_value", o.peak()), Py.kw("pct_start", o.pctStart()),
                    o.anneal() == OneCycle.Anneal.COS ? null : "pct_final=1.0",
                    Py.kw("div_factor", o.div()), Py.kw("final_div_factor", o.finalDiv()));
            case Sgdr g -> throw new Refusal("optax.sgdr_schedule runs a fixed list of cycles and then holds; " + g + " restarts forever");
            default -> throw Shapes.lacks("optax", p);
        };
    }

    private static String exponential(double init, long steps, double rate, boolean staircase) {
        return Py.call("optax.exponential_decay", Py.kw("init_value", init), Py.kw("transition_steps", steps), Py.kw("decay_rate", rate),
                staircase ? "staircase=True" : null);
    }
}
