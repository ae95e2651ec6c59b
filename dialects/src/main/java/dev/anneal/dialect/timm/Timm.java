package dev.anneal.dialect.timm;

import dev.anneal.dialect.Py;
import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Args;
import dev.anneal.spec.Family;
import dev.anneal.spec.Node;
import dev.anneal.spec.Param;
import dev.anneal.spec.Param.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static dev.anneal.spec.Param.optional;
import static dev.anneal.spec.Param.required;

/**
 * The {@code timm.} dialect: the cosine, tanh, poly, step and multistep schedulers of pytorch-image-models
 * ({@code timm.scheduler}), by class name, with {@code lr=} (the optimizer's lr) first and then timm's keyword
 * arguments. The value at step k is the lr timm sets after {@code step_update(num_updates=k)} with t_in_epochs=False.
 * timm's noise options are out of scope. See {@code docs/dialects/timm.md}.
 */
public final class Timm {
    private Timm() {}

    private static final Param LR = required("lr", Kind.NUMBER, "the optimizer's lr (timm's base value), >= 0");
    private static final Param T_INITIAL = required("t_initial", Kind.INTEGER, "length of the first cycle, > 0");
    private static final List<Param> CYCLES = List.of(
            optional("lr_min", Kind.NUMBER, Cycles.LR_MIN, "the value at the end of each cycle, >= 0"),
            optional("cycle_mul", Kind.NUMBER, Cycles.MUL, "growth of each cycle's length, > 0"),
            optional("cycle_decay", Kind.NUMBER, Cycles.DECAY, "factor on each cycle's peak, >= 0"),
            optional("cycle_limit", Kind.INTEGER, Cycles.LIMIT, "cycles before the lr stays at lr_min"));
    private static final Param K_DECAY = optional("k_decay", Kind.NUMBER, CosineLRScheduler.K_DECAY,
            "exponent on the time within a cycle (k-decay), > 0");
    private static final List<String> NOISE = List.of("noise_range_t", "noise_pct", "noise_std", "noise_seed");

    private static List<Param> warmup(boolean prefix) {
        return List.of(optional("warmup_t", Kind.INTEGER, Warmup.T, "steps of linear warmup, >= 0"),
                optional("warmup_lr_init", Kind.NUMBER, Warmup.LR_INIT, "the value at step 0 of the warmup, >= 0"),
                optional("warmup_prefix", Kind.FLAG, prefix, "the main schedule starts after the warmup (else it runs under it)"));
    }

    /** t_in_epochs and the noise options: accepted only where they change nothing. */
    private static List<Param> outOfScope() {
        List<Param> params = new ArrayList<>();
        params.add(optional("t_in_epochs", Kind.FLAG, false, "only False: steps count optimizer updates"));
        for (String n : NOISE) params.add(optional(n, Kind.NUMBER, null, "noise is out of scope: only None"));
        return params;
    }

    private static final List<Family> FAMILIES = List.of(
            family("CosineLRScheduler", "cosine decay with warmup, restarts and k-decay (SGDR)",
                    "lr_min + 0.5·(lr·cycle_decay^i − lr_min)·(1 + cos(π·t_curr^k/t_i^k)) in cycle i",
                    "timm.CosineLRScheduler(lr=0.1, t_initial=100, lr_min=1e-05, warmup_t=5, warmup_lr_init=0.0001)",
                    params(List.of(LR, T_INITIAL), CYCLES, warmup(false), List.of(K_DECAY)),
                    a -> new CosineLRScheduler(a.number("lr"), cycles(a), warmup(a), a.number("k_decay"))),
            family("TanhLRScheduler", "hyperbolic-tangent decay with warmup and restarts",
                    "lr_min + 0.5·(lr·cycle_decay^i − lr_min)·(1 − tanh(lb·(1 − t_curr/t_i) + ub·t_curr/t_i))",
                    "timm.TanhLRScheduler(lr=0.1, t_initial=100)",
                    params(List.of(LR, T_INITIAL, optional("lb", Kind.NUMBER, TanhLRScheduler.LB, "tanh's argument at a cycle's start, < ub"),
                            optional("ub", Kind.NUMBER, TanhLRScheduler.UB, "tanh's argument at a cycle's end")), CYCLES, warmup(false)),
                    a -> new TanhLRScheduler(a.number("lr"), cycles(a), a.number("lb"), a.number("ub"), warmup(a))),
            family("PolyLRScheduler", "polynomial decay with warmup, restarts and k-decay",
                    "lr_min + (lr·cycle_decay^i − lr_min)·(1 − t_curr^k/t_i^k)^power in cycle i",
                    "timm.PolyLRScheduler(lr=0.1, t_initial=100, power=2.0)",
                    params(List.of(LR, T_INITIAL, optional("power", Kind.NUMBER, PolyLRScheduler.POWER, "exponent, >= 0")),
                            CYCLES, warmup(false), List.of(K_DECAY)),
                    a -> new PolyLRScheduler(a.number("lr"), cycles(a), a.number("power"), warmup(a), a.number("k_decay"))),
            family("StepLRScheduler", "the lr times decay_rate every decay_t steps", "lr·decay_rate^(t // decay_t)",
                    "timm.StepLRScheduler(lr=0.1, decay_t=30, decay_rate=0.1)",
                    params(List.of(LR, required("decay_t", Kind.INTEGER, "steps between drops, > 0"),
                            optional("decay_rate", Kind.NUMBER, StepLRScheduler.DECAY_RATE, "factor at each drop, >= 0")),
                            warmup(StepLRScheduler.WARMUP_PREFIX)),
                    a -> new StepLRScheduler(a.number("lr"), a.integer("decay_t"), a.number("decay_rate"), warmup(a))),
            family("MultiStepLRScheduler", "the lr times decay_rate at each step of decay_t",
                    "lr·decay_rate^bisect_right(decay_t, t)", "timm.MultiStepLRScheduler(lr=0.1, decay_t=[30, 80], decay_rate=0.1)",
                    params(List.of(LR, required("decay_t", Kind.STEPS_LIST, "steps of the drops, sorted (timm does not check)"),
                            optional("decay_rate", Kind.NUMBER, MultiStepLRScheduler.DECAY_RATE, "factor at each drop, >= 0")),
                            warmup(MultiStepLRScheduler.WARMUP_PREFIX)),
                    a -> new MultiStepLRScheduler(a.number("lr"), a.stepsList("decay_t"), a.number("decay_rate"), warmup(a))));

    public static List<Family> families() {
        return FAMILIES;
    }

    @SafeVarargs
    private static List<Param> params(List<Param>... groups) {
        List<Param> all = new ArrayList<>();
        for (List<Param> g : groups) all.addAll(g);
        all.addAll(outOfScope());
        return all;
    }

    private static Family family(String name, String summary, String formula, String example, List<Param> params,
                                 Function<Args, Schedule> build) {
        return new Family("timm." + name, summary, formula, example, params, a -> {
            inScope(a);
            return build.apply(a);
        });
    }

    private static Cycles cycles(Args a) {
        return new Cycles(a.integer("t_initial"), a.number("lr_min"), a.number("cycle_mul"), a.number("cycle_decay"),
                a.integer("cycle_limit"));
    }

    private static Warmup warmup(Args a) {
        return new Warmup(a.integer("warmup_t"), a.number("warmup_lr_init"), a.flag("warmup_prefix"));
    }

    /** Rejects t_in_epochs=True and any noise: Anneal's timm schedules count updates and are noise-free. */
    private static void inScope(Args a) {
        if (a.flag("t_in_epochs")) {
            throw a.error("t_in_epochs (True) is out of scope: the timm. dialect counts optimizer updates (step_update);"
                    + " for a schedule in epochs, leave t_in_epochs out and count epochs as steps", a.node("t_in_epochs"));
        }
        for (String n : NOISE) {
            Node node = a.node(n);
            if (node != null && !(n.equals("noise_range_t") && Py.none(node))) {
                throw a.error(n + " is out of scope: timm's noise is drawn from torch's random generator, which Anneal does"
                        + " not reproduce; the timm. dialect is noise-free (leave noise_range_t out or None)", node);
            }
        }
    }
}
