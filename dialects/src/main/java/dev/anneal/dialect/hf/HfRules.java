package dev.anneal.dialect.hf;

import dev.anneal.dialect.Py;
import dev.anneal.dialect.Rules;
import dev.anneal.dialect.Shapes;
import dev.anneal.schedule.Constant;
import dev.anneal.schedule.Cosine;
import dev.anneal.schedule.InverseSqrt;
import dev.anneal.schedule.InverseTime;
import dev.anneal.schedule.Linear;
import dev.anneal.schedule.Polynomial;
import dev.anneal.schedule.Schedule;
import dev.anneal.schedule.Wsd;

import java.util.List;

/**
 * Native schedules as Hugging Face transformers' schedule functions: every one is an optional linear warmup from 0
 * to lr followed by one decay, so the native shape must be a decay, or {@code linear(0, lr, steps=w) then} a decay
 * that starts at lr (which is what {@code warmup(w, …)} is). wsd maps to get_wsd_schedule as a whole.
 */
final class HfRules implements Rules.Single {

    @Override
    public String write(Schedule s) {
        if (s instanceof Wsd w) return wsd(w);
        List<Schedule> pieces = Shapes.pieces(s);
        if (pieces.size() == 1) return decay(pieces.getFirst(), 0);
        if (pieces.size() > 2) throw new Refusal("hf has no way to join " + pieces.size() + " schedules: its functions are a warmup and one decay");
        if (!(pieces.getFirst() instanceof Linear w && w.start() == 0 && w.end() == pieces.getLast().at(0))) {
            throw new Refusal("hf warms up linearly from 0 to the decay's first value; " + pieces.getFirst() + " is not such a warmup of "
                    + pieces.getLast());
        }
        return decay(pieces.getLast(), w.steps());
    }

    /** The decay after {@code warmup} steps of linear warmup. */
    private static String decay(Schedule p, long warmup) {
        String w = Py.kw("num_warmup_steps", warmup);
        return switch (p) {
            case Constant c -> warmup == 0 ? Py.call("hf.get_constant_schedule", Py.kw("lr", c.value()))
                    : Py.call("hf.get_constant_schedule_with_warmup", Py.kw("lr", c.value()), w);
            case Linear l when l.end() == 0 -> Py.call("hf.get_linear_schedule_with_warmup", Py.kw("lr", l.start()), w,
                    Py.kw("num_training_steps", warmup + l.steps()));
            case Linear l -> polynomial(l.start(), l.end(), l.steps(), 1, w, warmup);
            case Polynomial q -> polynomial(q.value(), q.end(), q.steps(), q.power(), w, warmup);
            case Cosine c when c.floor() == 0 -> Py.call("hf.get_cosine_with_hard_restarts_schedule_with_warmup", Py.kw("lr", c.value()), w,
                    Py.kw("num_training_steps", warmup + c.steps()));
            case Cosine c when warmup == 0 -> Py.call("hf.get_wsd_schedule", Py.kw("lr", c.value()), w, Py.kw("num_decay_steps", c.steps()),
                    "num_stable_steps=0", Py.kw("min_lr_ratio", c.floor() / c.value()));
            case Cosine c -> throw new Refusal("hf has no warmup from 0 followed by a cosine that holds a floor: "
                    + "get_cosine_with_min_lr_schedule_with_warmup rises again after num_training_steps, and get_wsd_schedule "
                    + "warms up from lr·min_lr_ratio");
            case InverseSqrt i -> Py.call("hf.get_inverse_sqrt_schedule", Py.kw("lr", i.value()), w, "timescale=1");
            case InverseTime i when i.power() == 0.5 && 1 / i.k() == Math.rint(1 / i.k()) -> Py.call("hf.get_inverse_sqrt_schedule",
                    Py.kw("lr", i.value()), w, Py.kw("timescale", (long) (1 / i.k())));
            case InverseTime i -> throw new Refusal("hf's inverse square root has power 0.5 and a whole timescale (1/k); "
                    + i + " has power " + Py.num(i.power()) + " and 1/k " + Py.num(1 / i.k()));
            default -> throw Shapes.lacks("hf", p);
        };
    }

    private static String polynomial(double lr, double end, long steps, double power, String w, long warmup) {
        return Py.call("hf.get_polynomial_decay_schedule_with_warmup", Py.kw("lr", lr), w, Py.kw("num_training_steps", warmup + steps),
                Py.kw("lr_end", end), Py.kw("power", power));
    }

    private static String wsd(Wsd w) {
        if (w.warmup() > 0 && w.floor() != 0) {
            throw new Refusal("hf.get_wsd_schedule warms up from lr·min_lr_ratio, so a warmup from 0 needs floor 0, not " + Py.num(w.floor()));
        }
        return Py.call("hf.get_wsd_schedule", Py.kw("lr", w.peak()), Py.kw("num_warmup_steps", w.warmup()),
                Py.kw("num_decay_steps", w.decay()), Py.kw("num_stable_steps", w.stable()),
                "decay_type='" + switch (w.shape()) {
                    case LINEAR -> "linear";
                    case COSINE -> "cosine";
                    case SQRT -> "1-sqrt";
                } + "'", Py.kw("min_lr_ratio", w.floor() / w.peak()));
    }
}
