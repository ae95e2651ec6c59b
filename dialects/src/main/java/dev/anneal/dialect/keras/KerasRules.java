package dev.anneal.dialect.keras;

import dev.anneal.dialect.Py;
import dev.anneal.dialect.Rules;
import dev.anneal.dialect.Shapes;
import dev.anneal.schedule.Constant;
import dev.anneal.schedule.Cosine;
import dev.anneal.schedule.Exponential;
import dev.anneal.schedule.HalfLife;
import dev.anneal.schedule.InverseSqrt;
import dev.anneal.schedule.InverseTime;
import dev.anneal.schedule.Linear;
import dev.anneal.schedule.MultiStep;
import dev.anneal.schedule.Polynomial;
import dev.anneal.schedule.Schedule;
import dev.anneal.schedule.Sgdr;
import dev.anneal.schedule.Step;

import java.util.ArrayList;
import java.util.List;

/**
 * Native schedules as Keras {@code LearningRateSchedule} classes: one class per schedule, since Keras has no way to
 * join two; the one composition it has is CosineDecay's linear warmup.
 */
final class KerasRules implements Rules.Single {

    @Override
    public String write(Schedule s) {
        List<Schedule> pieces = Shapes.pieces(s);
        if (pieces.size() == 1) return piece(pieces.getFirst());
        if (Shapes.warmupCosine(pieces).orElse(null) instanceof Shapes.WarmupCosine(Linear w, Cosine c) && c.value() != 0) {
            return Py.call("keras.CosineDecay", Py.kw("initial_learning_rate", w.start()), Py.kw("decay_steps", c.steps()),
                    Py.kw("alpha", c.floor() / c.value()), Py.kw("warmup_target", c.value()), Py.kw("warmup_steps", w.steps()));
        }
        throw new Refusal("keras has no way to join schedules (no join_schedules, no SequentialLR); its one composition is "
                + "CosineDecay's linear warmup into a cosine");
    }

    private static String piece(Schedule p) {
        return switch (p) {
            case Constant c -> exponential(c.value(), 1, 1, false);
            case Exponential e -> exponential(e.value(), 1, e.gamma(), false);
            case HalfLife h -> exponential(h.value(), h.halfLife(), 0.5, false);
            case Step st -> exponential(st.value(), st.every(), st.gamma(), true);
            case MultiStep m -> piecewise(m);
            case InverseTime i when i.power() == 1 -> Py.call("keras.InverseTimeDecay", Py.kw("initial_learning_rate", i.value()),
                    "decay_steps=1", Py.kw("decay_rate", i.k()));
            case InverseTime i -> throw new Refusal("keras.InverseTimeDecay has power 1; " + i + " has power " + Py.num(i.power()));
            case InverseSqrt i -> throw new Refusal("keras.InverseTimeDecay has power 1; an inverse square root has power 0.5");
            case Linear l -> polynomial(l.start(), l.steps(), l.end(), 1);
            case Polynomial q -> polynomial(q.value(), q.steps(), q.end(), q.power());
            case Cosine c when c.value() != 0 -> Py.call("keras.CosineDecay", Py.kw("initial_learning_rate", c.value()),
                    Py.kw("decay_steps", c.steps()), Py.kw("alpha", c.floor() / c.value()));
            case Sgdr g when g.value() != 0 -> Py.call("keras.CosineDecayRestarts", Py.kw("initial_learning_rate", g.value()),
                    Py.kw("first_decay_steps", g.firstPeriod()), Py.kw("t_mul", (double) g.mult()), "m_mul=1.0", Py.kw("alpha", g.floor() / g.value()));
            default -> throw Shapes.lacks("keras", p);
        };
    }

    private static String exponential(double init, double steps, double rate, boolean staircase) {
        return Py.call("keras.ExponentialDecay", Py.kw("initial_learning_rate", init),
                steps == Math.rint(steps) ? Py.kw("decay_steps", (long) steps) : Py.kw("decay_steps", steps), Py.kw("decay_rate", rate),
                staircase ? "staircase=True" : null);
    }

    private static String polynomial(double init, long steps, double end, double power) {
        return Py.call("keras.PolynomialDecay", Py.kw("initial_learning_rate", init), Py.kw("decay_steps", steps),
                Py.kw("end_learning_rate", end), Py.kw("power", power));
    }

    /** Keras switches after a boundary, where multistep switches at it: boundaries are the milestones minus one. */
    private static String piecewise(MultiStep m) {
        if (m.at().getFirst() == 0) throw new Refusal("keras.PiecewiseConstantDecay holds values[0] at least through step 0; " + m + " drops at step 0");
        List<Long> boundaries = new ArrayList<>();
        List<Double> values = new ArrayList<>(List.of(m.value()));
        for (int i = 0; i < m.at().size(); i++) {
            double value = m.value() * Math.pow(m.gamma(), i + 1);
            if (i > 0 && m.at().get(i).equals(m.at().get(i - 1))) values.set(values.size() - 1, value);
            else {
                boundaries.add(m.at().get(i) - 1);
                values.add(value);
            }
        }
        return Py.call("keras.PiecewiseConstantDecay", "boundaries=" + Py.list(boundaries), "values=" + Py.list(values));
    }
}
