package dev.anneal.dialect.torch;

import dev.anneal.dialect.Py;
import dev.anneal.dialect.Rules;
import dev.anneal.dialect.Shapes;
import dev.anneal.schedule.Constant;
import dev.anneal.schedule.Cosine;
import dev.anneal.schedule.Cyclic;
import dev.anneal.schedule.Exponential;
import dev.anneal.schedule.HalfLife;
import dev.anneal.schedule.Linear;
import dev.anneal.schedule.MultiStep;
import dev.anneal.schedule.OneCycle;
import dev.anneal.schedule.Polynomial;
import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Form;
import dev.anneal.schedule.Sgdr;
import dev.anneal.schedule.Step;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Native schedules as {@code torch.optim.lr_scheduler}: one scheduler for one piece, {@code torch.SequentialLR} for
 * pieces one after another. The schedulers act on one optimizer, so each piece is written relative to its lr:
 * those that start from it (StepLR, ExponentialLR, CosineAnnealingLR, …) only where the piece starts there, LinearLR
 * by factors in (0, 1]. A last piece that PyTorch does not hold at its end (CosineAnnealingLR climbs back,
 * OneCycleLR raises) is followed by {@code MultiStepLR(milestones=[0], gamma=end/lr)}, which holds lr·gamma.
 */
final class TorchRules implements Rules {

    /**
     * A scheduler in a list: its class name, its arguments without lr, whether it holds its last value, and whether
     * a top-level call takes lr= (CyclicLR and OneCycleLR set the lr themselves).
     */
    private record Item(String name, List<String> args, boolean holds, boolean takesLr) {
        Item(String name, String... args) {
            this(name, Arrays.stream(args).filter(Objects::nonNull).toList(), true, true);
        }

        Item drifting() {
            return new Item(name, args, false, takesLr);
        }

        Item settingItsLr() {
            return new Item(name, args, holds, false);
        }

        String call(Double lr) {
            List<String> all = new ArrayList<>();
            if (lr != null && takesLr) all.add(Py.kw("lr", lr));
            all.addAll(args);
            return Py.call("torch." + name, all.toArray(String[]::new));
        }
    }

    @Override
    public List<Form> translate(Schedule s) {
        List<Schedule> pieces = Shapes.pieces(s);
        List<Form> candidates = new ArrayList<>();
        for (double lr : optimizerLrs(pieces)) candidates.add(Rules.attempt(() -> write(pieces, lr)));
        return candidates;
    }

    /**
     * The optimizer lrs worth trying: what a first OneCycleLR or CyclicLR sets it to (PyTorch's initial_lr, which the
     * pieces after it start from), then each piece's highest value.
     */
    private static Set<Double> optimizerLrs(List<Schedule> pieces) {
        Set<Double> lrs = new LinkedHashSet<>();
        switch (pieces.getFirst()) {
            case OneCycle o -> lrs.add(o.initial());
            case Cyclic c -> lrs.add(c.lo());
            default -> { }
        }
        for (Schedule p : pieces) lrs.add(Double.isFinite(p.range().max()) ? p.range().max() : p.at(0));
        return lrs;
    }

    private static String write(List<Schedule> pieces, double lr) {
        List<Item> items = new ArrayList<>();
        for (Schedule p : pieces) items.add(item(p, lr));
        List<Long> milestones = Shapes.boundaries(pieces);
        Schedule last = pieces.getLast();
        if (!items.getLast().holds() && last.duration().isPresent()) {
            long end = last.duration().getAsLong();
            milestones.add((milestones.isEmpty() ? 0 : milestones.getLast()) + end);
            items.add(new Item("MultiStepLR", "milestones=[0]", Py.kw("gamma", factor(last.at(end), lr))));
        }
        if (items.size() == 1) return items.getFirst().call(lr);
        return Py.call("torch.SequentialLR", Py.kw("lr", lr), "schedulers=" + Py.list(items.stream().map(i -> i.call(null)).toList()),
                "milestones=" + Py.list(milestones));
    }

    private static Item item(Schedule p, double lr) {
        return switch (p) {
            case Constant c -> c.value() == lr ? new Item("ConstantLR", "factor=1.0", "total_iters=0")
                    : new Item("MultiStepLR", "milestones=[0]", Py.kw("gamma", factor(c.value(), lr)));
            case Linear l -> {
                if (!(l.start() > 0)) throw new Refusal("torch.LinearLR cannot start at " + Py.num(l.start())
                        + ": start_factor must be in (0, 1], so torch has no linear ramp from 0");
                yield new Item("LinearLR", Py.kw("start_factor", factor(l.start(), lr)), Py.kw("end_factor", factor(l.end(), lr)),
                        Py.kw("total_iters", l.steps()));
            }
            case Step st -> new Item("StepLR", Py.kw("step_size", st.every()), Py.kw("gamma", starting(st.value(), lr, "StepLR", st).gamma()));
            case MultiStep m -> new Item("MultiStepLR", "milestones=" + Py.list(starting(m.value(), lr, "MultiStepLR", m).at()),
                    Py.kw("gamma", m.gamma()));
            case Exponential e -> new Item("ExponentialLR", Py.kw("gamma", starting(e.value(), lr, "ExponentialLR", e).gamma()));
            case HalfLife h -> new Item("ExponentialLR", Py.kw("gamma", Math.pow(2, -1 / starting(h.value(), lr, "ExponentialLR", h).halfLife())));
            case Polynomial q -> {
                if (q.end() != 0) throw new Refusal("torch.PolynomialLR decays to 0, not to end (" + Py.num(q.end()) + ")");
                yield new Item("PolynomialLR", Py.kw("total_iters", starting(q.value(), lr, "PolynomialLR", q).steps()), Py.kw("power", q.power()));
            }
            case Cosine c -> new Item("CosineAnnealingLR", Py.kw("T_max", starting(c.value(), lr, "CosineAnnealingLR", c).steps()),
                    Py.kw("eta_min", c.floor(), 0.0)).drifting();
            case Sgdr g -> new Item("CosineAnnealingWarmRestarts", Py.kw("T_0", starting(g.value(), lr, "CosineAnnealingWarmRestarts", g).firstPeriod()),
                    Py.kw("T_mult", g.mult(), 1), Py.kw("eta_min", g.floor(), 0.0));
            case Cyclic c -> new Item("CyclicLR", Py.kw("base_lr", c.lo()), Py.kw("max_lr", c.hi()), Py.kw("step_size_up", (double) c.up()),
                    c.down() == c.up() ? null : Py.kw("step_size_down", (double) c.down()), Py.kw("mode", c.mode().spec(), "triangular"),
                    Py.kw("gamma", c.gamma(), 1.0), "cycle_momentum=False").settingItsLr();
            case OneCycle o -> new Item("OneCycleLR", Py.kw("max_lr", o.peak()), Py.kw("total_steps", o.steps()),
                    Py.kw("pct_start", o.pctStart(), OneCycle.PCT_START), Py.kw("anneal_strategy", o.anneal().spec(), "cos"),
                    "cycle_momentum=False", Py.kw("div_factor", o.div(), OneCycle.DIV), Py.kw("final_div_factor", o.finalDiv(), OneCycle.FINAL_DIV),
                    Py.kw("three_phase", o.threePhase(), false)).drifting().settingItsLr();
            default -> throw Shapes.lacks("torch", p);
        };
    }

    /** The piece, when it starts at the optimizer's lr as the scheduler does. */
    private static <S extends Schedule> S starting(double value, double lr, String scheduler, S piece) {
        if (value != lr) {
            throw new Refusal("torch." + scheduler + " starts at the optimizer's lr (" + Py.num(lr) + "), but " + piece + " starts at " + Py.num(value));
        }
        return piece;
    }

    private static double factor(double value, double lr) {
        if (lr == 0) throw new Refusal("torch scales every scheduler by the optimizer's lr, and an lr of 0 scales everything to 0");
        return value / lr;
    }
}
