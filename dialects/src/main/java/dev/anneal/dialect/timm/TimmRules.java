package dev.anneal.dialect.timm;

import dev.anneal.dialect.Py;
import dev.anneal.dialect.Rules;
import dev.anneal.dialect.Shapes;
import dev.anneal.schedule.Constant;
import dev.anneal.schedule.Cosine;
import dev.anneal.schedule.Linear;
import dev.anneal.schedule.MultiStep;
import dev.anneal.schedule.Polynomial;
import dev.anneal.schedule.Schedule;
import dev.anneal.schedule.Sgdr;
import dev.anneal.schedule.Step;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Native schedules as one timm scheduler: constant, step, multistep, cosine and polynomial, each optionally after a
 * linear warmup from any value to its start (timm's warmup with warmup_prefix=True); a lone linear ramp is a warmup
 * into a constant.
 */
final class TimmRules implements Rules.Single {

    @Override
    public String write(Schedule s) {
        List<Schedule> pieces = new ArrayList<>(Shapes.pieces(s));
        if (pieces.size() == 1 && pieces.getFirst() instanceof Linear l) pieces.add(new Constant(l.end()));
        if (pieces.size() == 2 && pieces.getFirst() instanceof Linear w && w.end() == pieces.getLast().at(0)) {
            return main(pieces.getLast(), Py.kw("warmup_t", w.steps()), Py.kw("warmup_lr_init", w.start(), Warmup.LR_INIT));
        }
        if (pieces.size() > 1) throw new Rules.Refusal("timm has no way to join schedules but a linear warmup into one scheduler");
        return main(pieces.getFirst());
    }

    /** The scheduler for one piece; {@code warmup} are the warmup's keyword arguments, if any. */
    private static String main(Schedule p, String... warmup) {
        boolean warm = warmup.length > 0;
        String prefix = warm ? "warmup_prefix=True" : null;
        return switch (p) {
            case Constant c -> call("StepLRScheduler", c.value(), Arrays.asList("decay_t=1"), warmup, null);
            case Step x -> call("StepLRScheduler", x.value(), Arrays.asList(Py.kw("decay_t", x.every()),
                    Py.kw("decay_rate", x.gamma(), StepLRScheduler.DECAY_RATE)), warmup, null);
            case MultiStep x -> call("MultiStepLRScheduler", x.value(), Arrays.asList("decay_t=" + Py.list(x.at()),
                    Py.kw("decay_rate", x.gamma(), MultiStepLRScheduler.DECAY_RATE)), warmup, null);
            case Cosine x -> call("CosineLRScheduler", x.value(), Arrays.asList(Py.kw("t_initial", x.steps()),
                    Py.kw("lr_min", x.floor(), Cycles.LR_MIN)), warmup, prefix);
            case Polynomial x -> call("PolyLRScheduler", x.value(), Arrays.asList(Py.kw("t_initial", x.steps()),
                    Py.kw("power", x.power(), PolyLRScheduler.POWER), Py.kw("lr_min", x.end(), Cycles.LR_MIN)), warmup, prefix);
            case Sgdr x -> throw new Rules.Refusal("timm's cosine restarts stop after cycle_limit cycles, and sgdr restarts forever");
            default -> throw Shapes.lacks("timm", p);
        };
    }

    private static String call(String name, double lr, List<String> args, String[] warmup, String prefix) {
        List<String> all = new ArrayList<>(List.of(Py.kw("lr", lr)));
        all.addAll(args);
        all.addAll(Arrays.asList(warmup));
        all.removeIf(Objects::isNull);
        if (prefix != null) all.add(prefix);
        return Py.call("timm." + name, all.toArray(String[]::new));
    }
}
