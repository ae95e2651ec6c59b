package dev.anneal.dialect.optax;

import dev.anneal.dialect.Py;
import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Args;
import dev.anneal.spec.Family;
import dev.anneal.spec.Node;
import dev.anneal.spec.Param;
import dev.anneal.spec.Param.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import static dev.anneal.spec.Param.optional;
import static dev.anneal.spec.Param.required;

/**
 * The {@code optax.} dialect of the spec language: optax's schedule functions ({@code optax.schedules}), by their
 * names and argument names. The value at step k is {@code schedule(k)}. Schedules passed to join_schedules are
 * nested {@code optax.} calls; sgdr_schedule takes its list of dicts as a literal. Formulas are optax's, evaluated
 * in float64 (optax runs them in JAX, float32 by default). See {@code docs/dialects/optax.md}.
 */
public final class Optax {
    private Optax() {}

    private static final Param INIT = required("init_value", Kind.NUMBER, "value at step 0");
    private static final Param PEAK = required("peak_value", Kind.NUMBER, "value at the end of the warmup");
    private static final Param WARMUP = required("warmup_steps", Kind.STEPS, "steps of the linear warmup, >= 0");
    private static final Param TRANSITION_BEGIN = optional("transition_begin", Kind.STEPS, 0L, "steps held at the initial value first, >= 0");
    private static final Param STAIRCASE = optional("staircase", Kind.FLAG, false, "decay at whole multiples of transition_steps only");
    private static final Param END_VALUE_OR_NONE = optional("end_value", Kind.NUMBER, null,
            "bound of the decay: lower if decay_rate < 1, else upper (default: None, no bound)");
    private static final Param BOUNDARIES_AND_SCALES = optional("boundaries_and_scales", Kind.STEPS_LIST, null,
            "dict {step: scale}: from each step on the value is multiplied by its scale, >= 0 (default: None)");
    private static final Param ONECYCLE_STEPS = required("transition_steps", Kind.STEPS, "length of the cycle, > 0");
    private static final Param ONECYCLE_PEAK = required("peak_value", Kind.NUMBER, "the highest value");
    private static final Param PCT_START = optional("pct_start", Kind.NUMBER, LinearOnecycleSchedule.PCT_START, "share of the steps spent rising");
    private static final Param DIV_FACTOR = optional("div_factor", Kind.NUMBER, LinearOnecycleSchedule.DIV_FACTOR, "initial value = peak_value/div_factor, > 0");
    private static final Param FINAL_DIV_FACTOR = optional("final_div_factor", Kind.NUMBER, LinearOnecycleSchedule.FINAL_DIV_FACTOR, "see the formula, > 0");

    private static final List<Family> FAMILIES = List.of(
            new Family("optax.constant_schedule", "value at every step", "value", "optax.constant_schedule(value=0.1)",
                    List.of(required("value", Kind.NUMBER, "the value")), a -> new ConstantSchedule(a.number("value"))),
            new Family("optax.linear_schedule", "linear from init_value to end_value, starting at transition_begin",
                    "init for c < B, then (init − end)·(1 − min(c − B, T)/T) + end; T = 0 holds init",
                    "optax.linear_schedule(init_value=0.0, end_value=0.01, transition_steps=10)",
                    List.of(INIT, required("end_value", Kind.NUMBER, "value from transition_begin + transition_steps on"),
                            required("transition_steps", Kind.STEPS, "steps of the transition, >= 0 (0: init_value for ever)"),
                            TRANSITION_BEGIN),
                    a -> new LinearSchedule(a.number("init_value"), a.number("end_value"), a.steps("transition_steps"),
                            a.steps("transition_begin"))),
            new Family("optax.polynomial_schedule", "polynomial from init_value to end_value, starting at transition_begin",
                    "init for c < B, then (init − end)·(1 − min(c − B, T)/T)^power + end; T = 0 holds init",
                    "optax.polynomial_schedule(init_value=1.0, end_value=0.01, power=2, transition_steps=100)",
                    List.of(INIT, required("end_value", Kind.NUMBER, "value from transition_begin + transition_steps on"),
                            required("power", Kind.NUMBER, "exponent, >= 0"),
                            required("transition_steps", Kind.STEPS, "steps of the transition, >= 0 (0: init_value for ever)"),
                            TRANSITION_BEGIN),
                    a -> new PolynomialSchedule(a.number("init_value"), a.number("end_value"), a.number("power"),
                            a.steps("transition_steps"), a.steps("transition_begin"))),
            new Family("optax.exponential_decay", "exponential decay, continuous or staircase, optionally bounded",
                    "init·decay_rate^((c − B)/T) for c > B (exponent floored with staircase), clipped at end_value",
                    "optax.exponential_decay(init_value=0.1, transition_steps=100, decay_rate=0.5, staircase=True)",
                    List.of(INIT, required("transition_steps", Kind.STEPS, "steps per factor of decay_rate, >= 0 (0: init_value for ever)"),
                            required("decay_rate", Kind.NUMBER, "factor per transition_steps, >= 0 (0: init_value for ever)"),
                            TRANSITION_BEGIN, STAIRCASE, END_VALUE_OR_NONE),
                    a -> new ExponentialDecay(a.number("init_value"), a.steps("transition_steps"), a.number("decay_rate"),
                            a.steps("transition_begin"), a.flag("staircase"), Py.optionalNumber(a, "end_value"))),
            new Family("optax.cosine_decay_schedule", "cosine decay from init_value to init_value·alpha",
                    "init·((1 − alpha)·((1 + cos(π·min(c, T)/T))/2)^exponent + alpha)",
                    "optax.cosine_decay_schedule(init_value=0.01, decay_steps=60)",
                    List.of(INIT, required("decay_steps", Kind.STEPS, "steps of the decay, > 0"),
                            optional("alpha", Kind.NUMBER, CosineDecaySchedule.ALPHA, "final value as a fraction of init_value"),
                            optional("exponent", Kind.NUMBER, CosineDecaySchedule.EXPONENT, "power of the cosine factor, >= 0")),
                    a -> new CosineDecaySchedule(a.number("init_value"), a.steps("decay_steps"), a.number("alpha"), a.number("exponent"))),
            new Family("optax.warmup_constant_schedule", "linear warmup from init_value to peak_value, then peak_value",
                    "linear_schedule(init_value, peak_value, warmup_steps)",
                    "optax.warmup_constant_schedule(init_value=0.0, peak_value=0.1, warmup_steps=100)",
                    List.of(INIT, PEAK, required("warmup_steps", Kind.STEPS, "steps of the warmup, >= 0 (0: init_value for ever, as in optax)")),
                    a -> new WarmupConstantSchedule(a.number("init_value"), a.number("peak_value"), a.steps("warmup_steps"))),
            new Family("optax.warmup_cosine_decay_schedule", "linear warmup, then cosine decay to end_value; decay_steps counts the warmup",
                    "linear init → peak over w, then peak·((1 − α)·((1 + cos(π·min(c − w, T − w)/(T − w)))/2)^exponent + α), α = end/peak",
                    "optax.warmup_cosine_decay_schedule(init_value=0.0, peak_value=1.0, warmup_steps=10, decay_steps=100, end_value=0.0)",
                    List.of(INIT, PEAK, WARMUP, required("decay_steps", Kind.STEPS, "total steps, the warmup included, > warmup_steps"),
                            optional("end_value", Kind.NUMBER, WarmupCosineDecaySchedule.END_VALUE, "final value"),
                            optional("exponent", Kind.NUMBER, CosineDecaySchedule.EXPONENT, "power of the cosine factor, >= 0")),
                    a -> new WarmupCosineDecaySchedule(a.number("init_value"), a.number("peak_value"), a.steps("warmup_steps"),
                            a.steps("decay_steps"), a.number("end_value"), a.number("exponent"))),
            new Family("optax.warmup_exponential_decay_schedule", "linear warmup, then exponential_decay from peak_value",
                    "linear init → peak over w, then exponential_decay(peak, …)(c − w)",
                    "optax.warmup_exponential_decay_schedule(init_value=0.0, peak_value=0.1, warmup_steps=10, transition_steps=50, decay_rate=0.5)",
                    List.of(INIT, PEAK, WARMUP,
                            required("transition_steps", Kind.STEPS, "steps per factor of decay_rate, >= 0 (0: peak_value for ever)"),
                            required("decay_rate", Kind.NUMBER, "factor per transition_steps, >= 0 (0: peak_value for ever)"),
                            TRANSITION_BEGIN, STAIRCASE, END_VALUE_OR_NONE),
                    a -> new WarmupExponentialDecaySchedule(a.number("init_value"), a.number("peak_value"), a.steps("warmup_steps"),
                            a.steps("transition_steps"), a.number("decay_rate"), a.steps("transition_begin"), a.flag("staircase"),
                            Py.optionalNumber(a, "end_value"))),
            new Family("optax.sgdr_schedule", "warm restarts: one warmup_cosine_decay_schedule per dict, end to end",
                    "cycle i: warmup_cosine_decay_schedule(**cosine_kwargs[i]) at c − (decay_steps of the cycles before)",
                    "optax.sgdr_schedule(cosine_kwargs=[{'init_value': 0.0, 'peak_value': 1.0, 'warmup_steps': 5, 'decay_steps': 20}, "
                            + "{'init_value': 0.0, 'peak_value': 0.5, 'warmup_steps': 5, 'decay_steps': 40}])",
                    List.of(required("cosine_kwargs", Kind.SCHEDULE,
                            "list of dicts with the arguments of warmup_cosine_decay_schedule: init_value, peak_value, warmup_steps, decay_steps, end_value, exponent")),
                    Optax::sgdr),
            new Family("optax.piecewise_constant_schedule", "init_value, multiplied by a scale at each boundary",
                    "init·(product of the scales of the boundaries ≤ c)",
                    "optax.piecewise_constant_schedule(init_value=0.1, boundaries_and_scales={100: 0.1, 200: 0.1})",
                    List.of(INIT, BOUNDARIES_AND_SCALES),
                    a -> {
                        TreeMap<Long, Double> dict = stepDict(a, "boundaries_and_scales");
                        return new PiecewiseConstantSchedule(a.number("init_value"), List.copyOf(dict.keySet()), List.copyOf(dict.values()));
                    }),
            new Family("optax.piecewise_interpolate_schedule",
                    "interpolation between the cumulative products of the scales, reached at the boundaries",
                    "from values[i] at bounds[i] to values[i+1] at bounds[i+1], bounds = [0, b1, …], values = cumprod([init, s1, …])",
                    "optax.piecewise_interpolate_schedule(interpolate_type='linear', init_value=1.0, boundaries_and_scales={4: 0.1, 8: 0.01})",
                    List.of(new Param("interpolate_type", Kind.WORD, Param.REQUIRED, "how to go from one value to the next", List.of("linear", "cosine")),
                            INIT, BOUNDARIES_AND_SCALES),
                    a -> {
                        TreeMap<Long, Double> dict = stepDict(a, "boundaries_and_scales");
                        return new PiecewiseInterpolateSchedule(a.word("interpolate_type").equals("cosine"), a.number("init_value"),
                                List.copyOf(dict.keySet()), List.copyOf(dict.values()));
                    }),
            new Family("optax.linear_onecycle_schedule", "one-cycle with three linear phases",
                    "linear peak/div → peak at pct_start·T → peak/div at pct_final·T → peak/(div·final_div) at T",
                    "optax.linear_onecycle_schedule(transition_steps=100, peak_value=0.1)",
                    List.of(ONECYCLE_STEPS, ONECYCLE_PEAK, PCT_START,
                            optional("pct_final", Kind.NUMBER, LinearOnecycleSchedule.PCT_FINAL, "share of the steps until back at the initial value"),
                            DIV_FACTOR, FINAL_DIV_FACTOR),
                    a -> new LinearOnecycleSchedule(a.steps("transition_steps"), a.number("peak_value"), a.number("pct_start"),
                            a.number("pct_final"), a.number("div_factor"), a.number("final_div_factor"))),
            new Family("optax.cosine_onecycle_schedule", "one-cycle with cosine interpolation",
                    "cosine peak/div → peak at pct_start·T → peak/(div·final_div) at T",
                    "optax.cosine_onecycle_schedule(transition_steps=100, peak_value=0.1)",
                    List.of(ONECYCLE_STEPS, ONECYCLE_PEAK, PCT_START, DIV_FACTOR, FINAL_DIV_FACTOR),
                    a -> new CosineOnecycleSchedule(a.steps("transition_steps"), a.number("peak_value"), a.number("pct_start"),
                            a.number("div_factor"), a.number("final_div_factor"))),
            new Family("optax.join_schedules", "optax schedules one after another, each seeing the steps since its boundary",
                    "schedules[i+1](c − boundaries[i]) from boundaries[i] on",
                    "optax.join_schedules(schedules=[optax.linear_schedule(init_value=0.0, end_value=0.01, transition_steps=10), "
                            + "optax.cosine_decay_schedule(init_value=0.01, decay_steps=60)], boundaries=[10])",
                    List.of(required("schedules", Kind.SCHEDULE, "list of nested optax calls"),
                            required("boundaries", Kind.STEPS_LIST, "absolute steps where each next schedule starts, one fewer than schedules")),
                    Optax::join));

    /** The dialect's families, names prefixed with {@code optax.}. */
    public static List<Family> families() {
        return FAMILIES;
    }

    /** A {@code {step: number}} dict literal (or None, or nothing) as sorted keys; a key given twice is an error. */
    private static TreeMap<Long, Double> stepDict(Args a, String name) {
        Node n = a.node(name);
        TreeMap<Long, Double> dict = new TreeMap<>();
        if (n == null || Py.none(n)) return dict;
        if (!(n instanceof Node.DictLit d)) {
            throw a.error(name + " expects a dict such as {100: 0.1, 200: 0.1}, found " + Node.describe(n), n);
        }
        for (Node.Entry e : d.entries()) {
            long key = a.steps(name, e.key());
            if (dict.put(key, a.number(name + "[" + key + "]", e.value())) != null) {
                throw a.error(name + " has the step " + key + " twice", e.key());
            }
        }
        return dict;
    }

    /** Each dict is bound as the keyword arguments of optax.warmup_cosine_decay_schedule, as optax's {@code **kwargs} does. */
    private static Schedule sgdr(Args a) {
        Node n = a.node("cosine_kwargs");
        if (!(n instanceof Node.ListLit list)) {
            throw a.error("cosine_kwargs expects a list of dicts such as [{'init_value': 0.0, 'peak_value': 1.0, "
                    + "'warmup_steps': 5, 'decay_steps': 20}], found " + Node.describe(n), n);
        }
        if (list.items().isEmpty()) throw a.error("cosine_kwargs ([]) must hold at least one dict", n);
        List<WarmupCosineDecaySchedule> cycles = new ArrayList<>();
        for (Node item : list.items()) {
            if (!(item instanceof Node.DictLit dict)) {
                throw a.error("cosine_kwargs holds dicts of warmup_cosine_decay_schedule arguments, found " + Node.describe(item), item);
            }
            List<Node.Arg> args = new ArrayList<>();
            for (Node.Entry e : dict.entries()) {
                if (!(e.key() instanceof Node.Str key)) {
                    throw a.error("cosine_kwargs keys are argument names in quotes, such as 'decay_steps', found " + Node.describe(e.key()), e.key());
                }
                args.add(new Node.Arg(key.value(), e.value(), key.column()));
            }
            cycles.add((WarmupCosineDecaySchedule) a.schedule(new Node.Call("optax.warmup_cosine_decay_schedule", args, dict.column())));
        }
        return new SgdrSchedule(cycles);
    }

    private static Schedule join(Args a) {
        Node n = a.node("schedules");
        if (!(n instanceof Node.ListLit list)) {
            throw a.error("schedules expects a list of optax schedules such as [optax.constant_schedule(value=0.1)], found " + Node.describe(n), n);
        }
        List<Schedule> schedules = new ArrayList<>();
        for (Node item : list.items()) {
            if (!(item instanceof Node.Call call) || !call.name().startsWith("optax.")) {
                throw a.error("schedules holds optax schedules, written as calls such as optax.constant_schedule(value=0.1), found "
                        + Node.describe(item), item);
            }
            schedules.add(a.schedule(call));
        }
        if (schedules.isEmpty()) throw a.error("schedules ([]) must hold at least one schedule", n);
        List<Long> boundaries = a.stepsList("boundaries");
        if (boundaries.size() != schedules.size() - 1) {
            throw a.error("boundaries has " + boundaries.size() + " step" + (boundaries.size() == 1 ? "" : "s") + " for " + schedules.size()
                    + " schedules; join_schedules needs one boundary between each pair (optax would drop the extra silently)",
                    a.node("boundaries"));
        }
        return new JoinSchedules(schedules, boundaries);
    }
}
