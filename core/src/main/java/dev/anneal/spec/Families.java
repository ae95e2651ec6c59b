package dev.anneal.spec;

import dev.anneal.schedule.InvalidInputException;

import dev.anneal.schedule.Clamp;
import dev.anneal.schedule.Constant;
import dev.anneal.schedule.Cosine;
import dev.anneal.schedule.Counter;
import dev.anneal.schedule.Rescale;
import dev.anneal.schedule.Cyclic;
import dev.anneal.schedule.Exponential;
import dev.anneal.schedule.HalfLife;
import dev.anneal.schedule.InverseSqrt;
import dev.anneal.schedule.InverseTime;
import dev.anneal.schedule.Linear;
import dev.anneal.schedule.MultiStep;
import dev.anneal.schedule.OneCycle;
import dev.anneal.schedule.Phase;
import dev.anneal.schedule.Polynomial;
import dev.anneal.schedule.PowerLaw;
import dev.anneal.schedule.Schedule;
import dev.anneal.schedule.Sgdr;
import dev.anneal.schedule.Shift;
import dev.anneal.schedule.Step;
import dev.anneal.schedule.Warmup;
import dev.anneal.schedule.Wsd;
import dev.anneal.spec.Param.Kind;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static dev.anneal.spec.Param.optional;
import static dev.anneal.spec.Param.required;
import static dev.anneal.spec.Param.word;

/** The families of the native spec language: names, parameters, defaults, formulas and examples. */
public final class Families {
    private Families() {}

    private static final Param VALUE = required("value", Kind.NUMBER, "the value at step 0");
    private static final Param SCHEDULE = required("schedule", Kind.SCHEDULE, "the schedule to transform");

    private static final List<Family> NATIVE = List.of(
            new Family("constant", "the same value at every step", "value", "constant(0.1)",
                    List.of(VALUE), a -> new Constant(a.number("value"))),
            new Family("linear", "straight line from start to end, then holds end",
                    "start + (end − start)·min(t, steps)/steps", "linear(0, 0.1, steps=1000)",
                    List.of(required("start", Kind.NUMBER, "value at step 0"),
                            required("end", Kind.NUMBER, "value from step `steps` on"),
                            required("steps", Kind.STEPS, "length of the ramp")),
                    a -> new Linear(a.number("start"), a.number("end"), a.steps("steps"))),
            new Family("step", "multiply by gamma every `every` steps (PyTorch StepLR)",
                    "value·gamma^⌊t/every⌋", "step(0.1, every=30, gamma=0.1)",
                    List.of(VALUE, required("every", Kind.STEPS, "steps between drops"),
                            optional("gamma", Kind.NUMBER, Step.GAMMA, "factor at each drop, >= 0")),
                    a -> new Step(a.number("value"), a.steps("every"), a.number("gamma"))),
            new Family("multistep", "multiply by gamma at each milestone (PyTorch MultiStepLR)",
                    "value·gamma^(number of milestones ≤ t)", "multistep(0.1, at=[30, 80], gamma=0.1)",
                    List.of(VALUE, required("at", Kind.STEPS_LIST, "milestones, in non-decreasing order"),
                            optional("gamma", Kind.NUMBER, MultiStep.GAMMA, "factor at each milestone, >= 0")),
                    a -> new MultiStep(a.number("value"), a.stepsList("at"), a.number("gamma"))),
            new Family("exponential", "geometric decay, by a factor per step or by a half-life",
                    "value·gamma^t, or value·2^(−t/half_life)", "exponential(0.1, half_life=1000)",
                    List.of(VALUE, optional("gamma", Kind.NUMBER, null, "factor per step, >= 0"),
                            optional("half_life", Kind.NUMBER, null, "steps to halve, > 0")),
                    Families::exponential),
            new Family("inverse_time", "hyperbolic decay", "value·(1 + k·t)^(−power)",
                    "inverse_time(0.1, k=0.01, power=1)",
                    List.of(VALUE, required("k", Kind.NUMBER, "rate per step, >= 0"),
                            optional("power", Kind.NUMBER, InverseTime.POWER, "exponent, >= 0")),
                    a -> new InverseTime(a.number("value"), a.number("k"), a.number("power"))),
            new Family("inverse_sqrt", "decay as the inverse square root of the step", "value/√(t+1)",
                    "inverse_sqrt(0.1)", List.of(VALUE), a -> new InverseSqrt(a.number("value"))),
            new Family("power_law", "power-law decay", "value·(t+1)^(−alpha)", "power_law(0.1, alpha=0.5)",
                    List.of(VALUE, required("alpha", Kind.NUMBER, "exponent, >= 0")),
                    a -> new PowerLaw(a.number("value"), a.number("alpha"))),
            new Family("polynomial", "polynomial decay to end over steps, then holds end",
                    "(value − end)·(1 − min(t, steps)/steps)^power + end", "polynomial(0.1, end=0.001, steps=1000, power=2)",
                    List.of(VALUE, optional("end", Kind.NUMBER, Polynomial.END, "final value"),
                            required("steps", Kind.STEPS, "length of the decay"),
                            optional("power", Kind.NUMBER, Polynomial.POWER, "exponent, > 0")),
                    a -> new Polynomial(a.number("value"), a.number("end"), a.steps("steps"), a.number("power"))),
            new Family("cosine", "half a cosine from value down to floor, then holds floor",
                    "floor + (value − floor)·(1 + cos(π·min(t, steps)/steps))/2", "cosine(0.1, steps=1000, floor=0.001)",
                    List.of(VALUE, required("steps", Kind.STEPS, "length of the decay"),
                            optional("floor", Kind.NUMBER, Cosine.FLOOR, "final value")),
                    a -> new Cosine(a.number("value"), a.steps("steps"), a.number("floor"))),
            new Family("sgdr", "cosine with warm restarts; cycle k lasts period·mult^k steps (PyTorch CosineAnnealingWarmRestarts)",
                    "floor + (value − floor)·(1 + cos(π·t_cur/t_i))/2", "sgdr(0.1, period=100, mult=2)",
                    List.of(VALUE, required("period", Kind.STEPS, "length of the first cycle"),
                            optional("mult", Kind.INTEGER, Sgdr.MULT, "growth of each cycle, a whole number >= 1"),
                            optional("floor", Kind.NUMBER, Sgdr.FLOOR, "value at the end of each cycle")),
                    a -> new Sgdr(a.number("value"), a.steps("period"), a.integer("mult"), a.number("floor"))),
            new Family("cyclic", "triangular wave between lo and hi (PyTorch CyclicLR)",
                    "lo + (hi − lo)·triangle(t)·scale, scale = 1 | 1/2^(cycle−1) | gamma^t", "cyclic(0.001, 0.1, up=200, mode=triangular2)",
                    List.of(required("lo", Kind.NUMBER, "lower bound"), required("hi", Kind.NUMBER, "upper bound, >= lo"),
                            required("up", Kind.STEPS, "steps from lo to hi"),
                            optional("down", Kind.STEPS, null, "steps from hi back to lo (default: up)"),
                            word("mode", Cyclic.MODE.spec(), "amplitude policy", "triangular", "triangular2", "exp_range"),
                            optional("gamma", Kind.NUMBER, Cyclic.GAMMA, "amplitude factor per step in exp_range, in (0, 1]")),
                    a -> new Cyclic(a.number("lo"), a.number("hi"), a.steps("up"),
                            a.given("down") ? a.steps("down") : a.steps("up"),
                            Cyclic.Mode.valueOf(a.word("mode").toUpperCase(Locale.ROOT)), a.number("gamma"))),
            new Family("onecycle", "Smith's one-cycle policy (PyTorch OneCycleLR)",
                    "peak/div → peak over pct_start·steps, then → peak/(div·final_div)", "onecycle(0.1, steps=1000)",
                    List.of(required("peak", Kind.NUMBER, "highest value"), required("steps", Kind.STEPS, "total steps"),
                            optional("pct_start", Kind.NUMBER, OneCycle.PCT_START, "share of steps spent rising, in [0, 1]"),
                            optional("div", Kind.NUMBER, OneCycle.DIV, "initial value = peak/div"),
                            optional("final_div", Kind.NUMBER, OneCycle.FINAL_DIV, "final value = peak/(div·final_div)"),
                            word("anneal", OneCycle.ANNEAL.spec(), "interpolation", "cos", "linear"),
                            optional("three_phase", Kind.FLAG, OneCycle.THREE_PHASE, "come back to peak/div before the final descent")),
                    a -> new OneCycle(a.number("peak"), a.steps("steps"), a.number("pct_start"), a.number("div"),
                            a.number("final_div"), OneCycle.Anneal.valueOf(a.word("anneal").toUpperCase(Locale.ROOT)),
                            a.flag("three_phase"))),
            new Family("wsd", "warmup-stable-decay: 0 → peak, hold, then peak → floor",
                    "peak·t/warmup; peak; peak → floor over decay (linear, cosine or 1 − √p)", "wsd(0.1, warmup=100, stable=800, decay=100)",
                    List.of(required("peak", Kind.NUMBER, "the stable value"),
                            required("warmup", Kind.STEPS, "steps from 0 to peak"),
                            required("stable", Kind.STEPS, "steps at peak"),
                            required("decay", Kind.STEPS, "steps from peak to floor"),
                            optional("floor", Kind.NUMBER, Wsd.FLOOR, "final value"),
                            word("shape", Wsd.SHAPE.spec(), "shape of the decay", "linear", "cosine", "sqrt")),
                    a -> new Wsd(a.number("peak"), a.steps("warmup"), a.steps("stable"), a.steps("decay"), a.number("floor"),
                            Wsd.Shape.valueOf(a.word("shape").toUpperCase(Locale.ROOT)))),
            new Family("warmup", "linear ramp from 0 to schedule(0), then the schedule",
                    "linear(0, schedule(0), steps=steps) then schedule", "warmup(100, cosine(0.1, steps=900))",
                    List.of(required("steps", Kind.STEPS, "length of the ramp"), SCHEDULE.withDoc("the schedule after the ramp")),
                    a -> new Warmup(a.steps("steps"), a.schedule("schedule"))),
            new Family("shift", "the schedule moved in time; before its start it reads its step 0",
                    "schedule(t + by)", "shift(cyclic(0, 1, up=50), -25)",
                    List.of(SCHEDULE, required("by", Kind.STEPS, "steps to advance (negative: delay)")),
                    a -> new Shift(a.schedule("schedule"), a.steps("by"))),
            new Family("phase", "a periodic schedule advanced by a fraction of its period",
                    "schedule(t + round(fraction·period))", "phase(cyclic(0, 1, up=50), 0.5)",
                    List.of(SCHEDULE.withDoc("a periodic schedule"), required("fraction", Kind.NUMBER, "share of the period, in [0, 1)")),
                    a -> new Phase(a.schedule("schedule"), a.number("fraction"))),
            new Family("counter", "mirror image within the range [lo, hi]: high where the schedule is low",
                    "lo + hi − schedule(t)", "0.01 * counter(cyclic(0.85, 0.95, up=100))",
                    List.of(SCHEDULE.withDoc("a periodic or bounded schedule")),
                    a -> new Counter(a.schedule("schedule"))),
            new Family("clamp", "the schedule held inside [min, max]; give min, max or both", "min(max(schedule(t), min), max)",
                    "clamp(exponential(0.1, gamma=0.99), min=0.001)",
                    List.of(SCHEDULE, optional("min", Kind.NUMBER, null, "lower bound"),
                            optional("max", Kind.NUMBER, null, "upper bound")),
                    Families::clamp),
            new Family("rescale", "the schedule's range [lo, hi] mapped linearly onto [min, max]",
                    "min + (schedule(t) − lo)/(hi − lo)·(max − min)", "rescale(counter(cosine(0.1, steps=100)), min=0.85, max=0.95)",
                    List.of(SCHEDULE.withDoc("a bounded schedule with lo < hi"), required("min", Kind.NUMBER, "value where the schedule is at lo"),
                            required("max", Kind.NUMBER, "value where the schedule is at hi")),
                    a -> new Rescale(a.schedule("schedule"), a.number("min"), a.number("max"))));

    /** The native families, in the order {@code anneal families} lists them. */
    public static List<Family> all() {
        return NATIVE;
    }

    /** The native family names. */
    public static List<String> names() {
        return NATIVE.stream().map(Family::name).toList();
    }

    /** The prefixes of the dialects plugged in ({@link Dialects}), in the order they were found. */
    public static List<String> dialects() {
        return Dialects.all().stream().map(Dialect::prefix).toList();
    }

    /** A dialect's families (names include the prefix, as in {@code torch.StepLR}); empty for an unknown prefix. */
    public static List<Family> dialect(String prefix) {
        return Dialects.find(prefix).map(Dialect::families).orElse(List.of());
    }

    /** A native family, or a dialect's by its dotted name. */
    public static Optional<Family> find(String name) {
        int dot = name.indexOf('.');
        List<Family> scope = dot < 0 ? NATIVE : dialect(name.substring(0, dot));
        return scope.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The family name closest to a misspelt one ({@code cosin}: cosine), native or of the dialect its prefix names. */
    public static Optional<String> nearest(String name) {
        int dot = name.indexOf('.');
        List<Family> scope = dot < 0 ? NATIVE : dialect(name.substring(0, dot));
        return Names.nearest(name, scope.stream().map(Family::name).toList());
    }

    private static Schedule exponential(Args a) {
        boolean gamma = a.given("gamma"), halfLife = a.given("half_life");
        if (gamma == halfLife) {
            throw InvalidInputException.of("exponential needs exactly one of gamma and half_life");
        }
        return gamma ? new Exponential(a.number("value"), a.number("gamma"))
                : new HalfLife(a.number("value"), a.number("half_life"));
    }

    private static Schedule clamp(Args a) {
        return new Clamp(a.schedule("schedule"),
                a.given("min") ? a.number("min") : Double.NEGATIVE_INFINITY,
                a.given("max") ? a.number("max") : Double.POSITIVE_INFINITY);
    }
}
