package dev.anneal.dialect.torch;

import dev.anneal.control.Plateau;
import dev.anneal.schedule.InvalidInputException;
import dev.anneal.schedule.Checks;
import dev.anneal.schedule.Cyclic;
import dev.anneal.schedule.OneCycle;
import dev.anneal.spec.Args;
import dev.anneal.spec.Family;
import dev.anneal.spec.Node;
import dev.anneal.spec.Param;
import dev.anneal.spec.Param.Kind;
import dev.anneal.spec.SpecException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.anneal.spec.Param.optional;
import static dev.anneal.spec.Param.required;
import static dev.anneal.spec.Param.word;

/**
 * The {@code torch.} dialect of the spec language: every scheduler of {@code torch.optim.lr_scheduler} (PyTorch
 * 1.13) but LambdaLR and MultiplicativeLR, by class name, with {@code lr=} (the optimizer's initial lr) first and
 * then the constructor's keyword arguments as PyTorch names them. The value at step k is the optimizer's lr after k
 * calls of {@code scheduler.step()}. See {@code docs/dialects/torch.md}.
 */
public final class Torch {
    private Torch() {}

    /** Builds an item that may stand in a list, given the optimizer's lr. */
    @FunctionalInterface
    private interface Item {
        LrScheduler build(Args a, double lr);
    }

    private static final Param LR = optional("lr", Kind.NUMBER, null,
            "the optimizer's initial lr, >= 0 (left out for an item of a SequentialLR or ChainedScheduler list)");
    private static final Param LR_REQUIRED = required("lr", Kind.NUMBER, "the optimizer's initial lr, >= 0");
    private static final Param SCHEDULERS = required("schedulers", Kind.SCHEDULE,
            "a list of torch schedulers written without lr, e.g. [torch.LinearLR(start_factor=0.1, total_iters=10), torch.CosineAnnealingLR(T_max=90)]");

    /** The items' builders by family name, for SequentialLR and ChainedScheduler. */
    private static final Map<String, Item> ITEMS = new LinkedHashMap<>();

    private static final List<Family> FAMILIES = new ArrayList<>();

    static {
        item("StepLR", "the lr times gamma every step_size steps", "lr·gamma^⌊k/step_size⌋",
                "torch.StepLR(lr=0.1, step_size=30, gamma=0.1)",
                List.of(LR, required("step_size", Kind.INTEGER, "steps between drops, > 0"),
                        optional("gamma", Kind.NUMBER, StepLR.GAMMA, "factor at each drop, >= 0")),
                (a, lr) -> new StepLR(lr, a.integer("step_size"), a.number("gamma")));
        item("MultiStepLR", "the lr times gamma at each milestone", "lr·gamma^(number of milestones ≤ k)",
                "torch.MultiStepLR(lr=0.1, milestones=[30, 80], gamma=0.1)",
                List.of(LR, required("milestones", Kind.STEPS_LIST, "steps, >= 0, in any order; a repeated one counts twice"),
                        optional("gamma", Kind.NUMBER, MultiStepLR.GAMMA, "factor at each milestone, >= 0")),
                (a, lr) -> new MultiStepLR(lr, a.stepsList("milestones"), a.number("gamma")));
        item("ConstantLR", "lr·factor until total_iters, then lr", "lr·factor for k < total_iters, else (lr·factor)·(1/factor)",
                "torch.ConstantLR(lr=0.1, factor=0.5, total_iters=4)",
                List.of(LR, optional("factor", Kind.NUMBER, ConstantLR.FACTOR, "in [0, 1]"),
                        optional("total_iters", Kind.INTEGER, ConstantLR.TOTAL_ITERS, "steps at the reduced lr, >= 0")),
                (a, lr) -> new ConstantLR(lr, a.number("factor"), a.integer("total_iters")));
        item("LinearLR", "the lr times a factor moving linearly from start_factor to end_factor",
                "lr·(start_factor + (end_factor − start_factor)·min(k, total_iters)/total_iters)",
                "torch.LinearLR(lr=0.1, start_factor=0.1, total_iters=10)",
                List.of(LR, optional("start_factor", Kind.NUMBER, LinearLR.START_FACTOR, "factor at step 0, in (0, 1]"),
                        optional("end_factor", Kind.NUMBER, LinearLR.END_FACTOR, "factor from total_iters on, in [0, 1]"),
                        optional("total_iters", Kind.INTEGER, LinearLR.TOTAL_ITERS, "length of the ramp, >= 0")),
                (a, lr) -> new LinearLR(lr, a.number("start_factor"), a.number("end_factor"), a.integer("total_iters")));
        item("ExponentialLR", "the lr times gamma at every step", "lr·gamma^k", "torch.ExponentialLR(lr=0.1, gamma=0.9)",
                List.of(LR, required("gamma", Kind.NUMBER, "factor per step, >= 0")),
                (a, lr) -> new ExponentialLR(lr, a.number("gamma")));
        item("PolynomialLR", "polynomial decay to 0 over total_iters steps", "lr·(1 − min(k, total_iters)/total_iters)^power",
                "torch.PolynomialLR(lr=0.1, total_iters=100, power=2.0)",
                List.of(LR, optional("total_iters", Kind.INTEGER, PolynomialLR.TOTAL_ITERS, "length of the decay, >= 0"),
                        optional("power", Kind.NUMBER, PolynomialLR.POWER, "exponent, >= 0")),
                (a, lr) -> new PolynomialLR(lr, a.integer("total_iters"), a.number("power")));
        item("CosineAnnealingLR", "cosine from lr to eta_min over T_max steps, and back up over the next T_max",
                "eta_min + (lr − eta_min)·(1 + cos(π·k/T_max))/2, for every k", "torch.CosineAnnealingLR(lr=0.1, T_max=100)",
                List.of(LR, required("T_max", Kind.INTEGER, "half period, > 0"),
                        optional("eta_min", Kind.NUMBER, 0.0, "lowest lr, >= 0")),
                (a, lr) -> new CosineAnnealingLR(lr, a.integer("T_max"), a.number("eta_min")));
        item("CosineAnnealingWarmRestarts", "cosine from lr to eta_min, restarting after T_0, T_0·T_mult, … steps",
                "eta_min + (lr − eta_min)·(1 + cos(π·T_cur/T_i))/2", "torch.CosineAnnealingWarmRestarts(lr=0.1, T_0=10, T_mult=2)",
                List.of(LR, required("T_0", Kind.INTEGER, "length of the first cycle, > 0"),
                        optional("T_mult", Kind.INTEGER, 1L, "growth of each cycle, a whole number >= 1"),
                        optional("eta_min", Kind.NUMBER, 0.0, "lowest lr, >= 0")),
                (a, lr) -> new CosineAnnealingWarmRestarts(lr, a.integer("T_0"), a.integer("T_mult"), a.number("eta_min")));
        item("CyclicLR", "triangular wave between base_lr and max_lr; momentum the other way",
                "base_lr + (max_lr − base_lr)·triangle(k)·scale, scale = 1 | 1/2^(cycle−1) | gamma^k",
                "torch.CyclicLR(base_lr=0.001, max_lr=0.1, step_size_up=10, mode='triangular2')",
                List.of(required("base_lr", Kind.NUMBER, "lower bound and first lr, >= 0"),
                        required("max_lr", Kind.NUMBER, "upper bound, >= 0"),
                        optional("step_size_up", Kind.NUMBER, CyclicLR.STEP_SIZE_UP, "steps from base_lr to max_lr, > 0 (may be fractional)"),
                        optional("step_size_down", Kind.NUMBER, null, "steps back down, >= 0 (default: step_size_up)"),
                        word("mode", "triangular", "amplitude policy", "triangular", "triangular2", "exp_range"),
                        optional("gamma", Kind.NUMBER, CyclicLR.GAMMA, "amplitude factor per step in exp_range, > 0"),
                        word("scale_mode", "cycle", "ignored by PyTorch without a scale_fn (kept for printing)", "cycle", "iterations"),
                        optional("cycle_momentum", Kind.FLAG, true, "cycle the momentum inversely"),
                        optional("base_momentum", Kind.NUMBER, CyclicLR.BASE_MOMENTUM, "momentum at the peak lr"),
                        optional("max_momentum", Kind.NUMBER, CyclicLR.MAX_MOMENTUM, "momentum at base_lr")),
                (a, lr) -> cyclic(a));
        item("OneCycleLR", "Smith's one-cycle policy: up to max_lr, then far below the start",
                "max_lr/div_factor → max_lr until pct_start·total_steps − 1, then → max_lr/(div_factor·final_div_factor)",
                "torch.OneCycleLR(max_lr=0.1, total_steps=100)",
                List.of(required("max_lr", Kind.NUMBER, "the peak lr, >= 0"),
                        optional("total_steps", Kind.INTEGER, null, "steps in the cycle, > 0 (or epochs and steps_per_epoch)"),
                        optional("epochs", Kind.INTEGER, null, "with steps_per_epoch: total_steps = epochs·steps_per_epoch"),
                        optional("steps_per_epoch", Kind.INTEGER, null, "with epochs"),
                        optional("pct_start", Kind.NUMBER, OneCycleLR.PCT_START, "share of the steps spent rising, in [0, 1]"),
                        word("anneal_strategy", "cos", "interpolation", "cos", "linear"),
                        optional("cycle_momentum", Kind.FLAG, true, "cycle the momentum inversely"),
                        optional("base_momentum", Kind.NUMBER, OneCycleLR.BASE_MOMENTUM, "momentum at the peak lr"),
                        optional("max_momentum", Kind.NUMBER, OneCycleLR.MAX_MOMENTUM, "momentum at the start and end"),
                        optional("div_factor", Kind.NUMBER, OneCycleLR.DIV_FACTOR, "first lr = max_lr/div_factor, > 0"),
                        optional("final_div_factor", Kind.NUMBER, OneCycleLR.FINAL_DIV_FACTOR, "last lr = first lr/final_div_factor, > 0"),
                        optional("three_phase", Kind.FLAG, false, "come back to the first lr before the final descent")),
                (a, lr) -> oneCycle(a));
        FAMILIES.add(new Family("torch.SequentialLR", "the schedulers one after another, each restarted at its milestone",
                "schedulers[i] at step k − milestones[i−1], for milestones[i−1] ≤ k < milestones[i]",
                "torch.SequentialLR(lr=0.1, schedulers=[torch.LinearLR(start_factor=0.1, total_iters=10), torch.CosineAnnealingLR(T_max=90)], milestones=[10])",
                List.of(LR_REQUIRED, SCHEDULERS,
                        required("milestones", Kind.STEPS_LIST, "one fewer than schedulers, non-decreasing, >= 0")),
                a -> new SequentialLR(a.number("lr"), items(a, a.number("lr")), a.stepsList("milestones"))));
        FAMILIES.add(new Family("torch.ChainedScheduler", "all the schedulers stepping one optimizer, in list order",
                "lr·(product of the items' factors) where they are factors; PyTorch's recursion otherwise",
                "torch.ChainedScheduler(lr=1.0, schedulers=[torch.ConstantLR(factor=0.1, total_iters=2), torch.ExponentialLR(gamma=0.9)])",
                List.of(LR_REQUIRED, SCHEDULERS),
                a -> new ChainedScheduler(a.number("lr"), items(a, a.number("lr")))));
        FAMILIES.add(new Family("torch.ReduceLROnPlateau", "the lr times factor when a metric stops improving (needs --metrics)",
                "after more than patience steps without a metric better than best by threshold: lr ← max(lr·factor, min_lr)",
                "torch.ReduceLROnPlateau(lr=0.1, mode='min', factor=0.5, patience=2)",
                List.of(LR_REQUIRED, word("mode", "min", "min: lower metrics are better; max: higher", "min", "max"),
                        optional("factor", Kind.NUMBER, 0.1, "new lr = lr·factor, in [0, 1)"),
                        optional("patience", Kind.INTEGER, 10L, "steps without improvement tolerated, >= 0"),
                        optional("threshold", Kind.NUMBER, 1e-4, "how much better counts as better, >= 0"),
                        word("threshold_mode", "rel", "rel: best·(1 ∓ threshold); abs: best ∓ threshold", "rel", "abs"),
                        optional("cooldown", Kind.INTEGER, 0L, "steps after a reduction in which bad steps are not counted, >= 0"),
                        optional("min_lr", Kind.NUMBER, 0.0, "lowest lr, >= 0"),
                        optional("eps", Kind.NUMBER, 1e-8, "smaller reductions are skipped, >= 0")),
                Torch::plateau));
    }

    /** The dialect's families, names prefixed with {@code torch.}. */
    public static List<Family> families() {
        return List.copyOf(FAMILIES);
    }

    private static void item(String name, String summary, String formula, String example, List<Param> params, Item builder) {
        String full = "torch." + name;
        ITEMS.put(full, builder);
        boolean takesLr = params.contains(LR);
        FAMILIES.add(new Family(full, summary, formula, example, params, a -> builder.build(a, takesLr ? lr(a, example) : 0)));
    }

    /** lr= at the top level: required there, although an item of a list leaves it out. */
    private static double lr(Args a, String example) {
        if (!present(a, "lr")) {
            throw InvalidInputException.of(a.family().name() + " is missing lr (the optimizer's initial lr, written first): "
                    + example);
        }
        return a.number("lr");
    }

    /** Given, and not Python's None. */
    private static boolean present(Args a, String name) {
        Node n = a.node(name);
        return n != null && !(n instanceof Node.Word w && w.name().equals("None"));
    }

    private static CyclicLR cyclic(Args a) {
        double up = a.number("step_size_up");
        return new CyclicLR(a.number("base_lr"), a.number("max_lr"), up,
                present(a, "step_size_down") ? a.number("step_size_down") : up,
                Cyclic.Mode.valueOf(a.word("mode").toUpperCase(Locale.ROOT)), a.number("gamma"),
                CyclicLR.ScaleMode.valueOf(a.word("scale_mode").toUpperCase(Locale.ROOT)), a.flag("cycle_momentum"),
                a.number("base_momentum"), a.number("max_momentum"));
    }

    private static OneCycleLR oneCycle(Args a) {
        boolean total = present(a, "total_steps"), epochs = present(a, "epochs"), perEpoch = present(a, "steps_per_epoch");
        long steps;
        if (total) {
            // PyTorch silently ignores epochs and steps_per_epoch when total_steps is given; Anneal refuses the conflict.
            if (epochs || perEpoch) {
                String other = epochs ? "epochs" : "steps_per_epoch";
                throw Checks.fail(other, a.integer(other), "cannot be given with total_steps: give total_steps, or epochs and "
                        + "steps_per_epoch (PyTorch would ignore " + other + ")");
            }
            steps = a.integer("total_steps");
        } else if (!epochs && !perEpoch) {
            throw InvalidInputException.of("torch.OneCycleLR needs total_steps, or epochs and steps_per_epoch "
                    + "(PyTorch: You must define either total_steps OR (epochs AND steps_per_epoch))");
        } else if (!epochs || !perEpoch) {
            throw InvalidInputException.of("torch.OneCycleLR needs " + (epochs ? "steps_per_epoch" : "epochs") + " with "
                    + (epochs ? "epochs" : "steps_per_epoch") + ", or total_steps instead");
        } else {
            // PyTorch: "Expected positive integer epochs", "Expected positive integer steps_per_epoch".
            long e = Checks.positive("epochs", a.integer("epochs"));
            long s = Checks.positive("steps_per_epoch", a.integer("steps_per_epoch"));
            try {
                steps = Math.multiplyExact(e, s);
            } catch (ArithmeticException overflow) {
                throw Checks.fail("epochs", e, "times steps_per_epoch (" + s + ") overflows a step count");
            }
        }
        return new OneCycleLR(a.number("max_lr"), steps, a.number("pct_start"),
                OneCycle.Anneal.valueOf(a.word("anneal_strategy").toUpperCase(Locale.ROOT)), a.flag("cycle_momentum"),
                a.number("base_momentum"), a.number("max_momentum"), a.number("div_factor"), a.number("final_div_factor"),
                a.flag("three_phase"));
    }

    private static ReduceLROnPlateau plateau(Args a) {
        return new ReduceLROnPlateau(a.number("lr"), new Plateau(
                Plateau.Mode.valueOf(a.word("mode").toUpperCase(Locale.ROOT)), a.number("factor"), a.integer("patience"),
                a.number("threshold"), Plateau.ThresholdMode.valueOf(a.word("threshold_mode").toUpperCase(Locale.ROOT)),
                a.integer("cooldown"), a.number("min_lr"), a.number("eps")));
    }

    /** The items of a schedulers=[…] list, each built on the optimizer of the enclosing scheduler. */
    private static List<LrScheduler> items(Args a, double lr) {
        String owner = a.family().name();
        Node n = a.node("schedulers");
        if (!(n instanceof Node.ListLit list)) {
            throw a.error("schedulers expects a list of torch schedulers such as [torch.LinearLR(start_factor=0.1, "
                    + "total_iters=10), torch.CosineAnnealingLR(T_max=90)], found " + Node.describe(n), n);
        }
        List<LrScheduler> items = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            Node item = list.items().get(i);
            String where = "schedulers[" + i + "]";
            if (!(item instanceof Node.Call call)) {
                throw a.error(where + " expects a torch scheduler such as torch.StepLR(step_size=30), found " + Node.describe(item), item);
            }
            Item builder = ITEMS.get(call.name());
            if (builder == null) throw a.error(where + " (" + call.name() + ") " + whyNotAnItem(call.name(), owner), call);
            Args nested = a.nested(call);
            if (nested.family().param("lr").isPresent() && nested.given("lr")) {
                throw a.error(where + " (" + call.name() + ") takes no lr: the items of " + owner + " act on its optimizer, "
                        + "whose lr= is given once, before the list", argument(call, nested, "lr"));
            }
            try {
                items.add(builder.build(nested, lr));
            } catch (SpecException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw a.error(e.getMessage(), culprit(call, nested, InvalidInputException.of(e).name()));
            }
        }
        return items;
    }

    private static String whyNotAnItem(String name, String owner) {
        return switch (name) {
            case "torch.SequentialLR", "torch.ChainedScheduler" ->
                    "cannot be an item of " + owner + ": Anneal does not nest them (PyTorch fails on a nested SequentialLR "
                            + "at its milestone, and on a ChainedScheduler inside SequentialLR at construction)";
            case "torch.ReduceLROnPlateau" -> "cannot be an item of " + owner + ": its step() needs a metric";
            default -> "is not a torch scheduler: the items of " + owner + " are torch.StepLR(…), torch.LinearLR(…), …";
        };
    }

    /** The argument the error names ({@code name} is the setting, {@code milestones[2]} an item of one), or the call. */
    private static Node culprit(Node.Call call, Args nested, String named) {
        if (named == null) return call;
        List<Param> params = nested.family().params();
        int positional = 0;
        for (Node.Arg arg : call.args()) {
            String name = arg.name() != null ? arg.name() : positional < params.size() ? params.get(positional++).name() : "";
            if (named.equals(name) || named.startsWith(name + "[")) return arg.value();
        }
        return call;
    }

    private static Node argument(Node.Call call, Args nested, String name) {
        Node n = nested.node(name);
        return n != null ? n : call;
    }
}
