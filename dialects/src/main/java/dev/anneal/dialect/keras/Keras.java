package dev.anneal.dialect.keras;

import dev.anneal.dialect.Py;
import dev.anneal.schedule.Checks;
import dev.anneal.spec.Args;
import dev.anneal.spec.Family;
import dev.anneal.spec.Node;
import dev.anneal.spec.Param;
import dev.anneal.spec.Param.Kind;
import dev.anneal.schedule.Schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static dev.anneal.spec.Param.optional;
import static dev.anneal.spec.Param.required;

/**
 * The {@code keras.} dialect of the spec language: the {@code LearningRateSchedule} classes of
 * {@code keras.optimizers.schedules}, by their class names and constructor arguments. The value at step k is
 * {@code schedule(k)}. Formulas are Keras's {@code __call__}, evaluated in float64 (Keras computes in the dtype of
 * initial_learning_rate, float32 by default). See {@code docs/dialects/keras.md}.
 */
public final class Keras {
    private Keras() {}

    private static final Param LR = required("initial_learning_rate", Kind.NUMBER, "the value at step 0");
    private static final Param DECAY_STEPS = required("decay_steps", Kind.STEPS, "steps per unit of decay, > 0");
    private static final Param STAIRCASE = optional("staircase", Kind.FLAG, false, "decay at whole multiples of decay_steps only");

    /** Keras's {@code name=} argument: accepted, as a string, and ignored (it names the TensorFlow scope). */
    private static Param name(String fallback) {
        return new Param("name", Kind.WORD, fallback, "the operation's name in Keras; accepted and ignored", List.of());
    }

    private static final List<Family> FAMILIES = List.of(
            new Family("keras.ExponentialDecay", "exponential decay, continuous or staircase",
                    "lr·decay_rate^(step/decay_steps) (exponent floored with staircase)",
                    "keras.ExponentialDecay(initial_learning_rate=0.1, decay_steps=1000, decay_rate=0.96, staircase=True)",
                    List.of(LR, DECAY_STEPS, required("decay_rate", Kind.NUMBER, "factor per decay_steps, >= 0"), STAIRCASE,
                            name("ExponentialDecay")),
                    named(a -> new ExponentialDecay(a.number("initial_learning_rate"), a.steps("decay_steps"), a.number("decay_rate"),
                            a.flag("staircase")))),
            new Family("keras.PiecewiseConstantDecay", "constant values between boundaries; a boundary step keeps the earlier value",
                    "values[0] for step ≤ boundaries[0], values[i] for boundaries[i−1] < step ≤ boundaries[i], values[-1] after",
                    "keras.PiecewiseConstantDecay(boundaries=[100, 200], values=[0.1, 0.01, 0.001])",
                    List.of(required("boundaries", Kind.STEPS_LIST, "strictly increasing steps, at least one"),
                            required("values", Kind.NUMBER, "list of numbers, one more than boundaries"), name("PiecewiseConstant")),
                    named(a -> new PiecewiseConstantDecay(a.stepsList("boundaries"), numbers(a, "values")))),
            new Family("keras.PolynomialDecay", "polynomial decay to end_learning_rate, optionally cycling",
                    "(lr − end)·(1 − min(step, T)/T)^power + end; with cycle, T = decay_steps·ceil(step/decay_steps)",
                    "keras.PolynomialDecay(initial_learning_rate=0.1, decay_steps=1000, end_learning_rate=0.01, power=0.5)",
                    List.of(LR, DECAY_STEPS,
                            optional("end_learning_rate", Kind.NUMBER, PolynomialDecay.END_LEARNING_RATE, "value from decay_steps on"),
                            optional("power", Kind.NUMBER, PolynomialDecay.POWER, "exponent, >= 0"),
                            optional("cycle", Kind.FLAG, false, "restart from a longer decay after each multiple of decay_steps"),
                            name("PolynomialDecay")),
                    named(a -> new PolynomialDecay(a.number("initial_learning_rate"), a.steps("decay_steps"), a.number("end_learning_rate"),
                            a.number("power"), a.flag("cycle")))),
            new Family("keras.InverseTimeDecay", "inverse-time decay, continuous or staircase",
                    "lr/(1 + decay_rate·step/decay_steps) (ratio floored with staircase)",
                    "keras.InverseTimeDecay(initial_learning_rate=0.1, decay_steps=1, decay_rate=0.5)",
                    List.of(LR, DECAY_STEPS, required("decay_rate", Kind.NUMBER, "rate per decay_steps, >= 0"), STAIRCASE,
                            name("InverseTimeDecay")),
                    named(a -> new InverseTimeDecay(a.number("initial_learning_rate"), a.steps("decay_steps"), a.number("decay_rate"),
                            a.flag("staircase")))),
            new Family("keras.CosineDecay", "cosine decay to lr·alpha, with an optional linear warmup to warmup_target",
                    "lr·((1 − alpha)·(1 + cos(π·min(step, T)/T))/2 + alpha); with warmup_target: lr → target over warmup_steps, then the decay from target",
                    "keras.CosineDecay(initial_learning_rate=0.1, decay_steps=100, alpha=0.0)",
                    List.of(LR, required("decay_steps", Kind.STEPS, "steps of the decay, > 0"),
                            optional("alpha", Kind.NUMBER, CosineDecay.ALPHA, "final value as a fraction of the value the decay starts from"),
                            name("CosineDecay"),
                            optional("warmup_target", Kind.NUMBER, null, "value at the end of the warmup (default: None, no warmup)"),
                            optional("warmup_steps", Kind.STEPS, 0L, "steps of the warmup, >= 0; ignored without warmup_target")),
                    named(a -> new CosineDecay(a.number("initial_learning_rate"), a.steps("decay_steps"), a.number("alpha"),
                            Py.optionalNumber(a, "warmup_target"), a.steps("warmup_steps")))),
            new Family("keras.CosineDecayRestarts", "cosine decay with warm restarts (SGDR)",
                    "cycle i lasts first_decay_steps·t_mul^i and goes from m_mul^i·lr down to lr·alpha",
                    "keras.CosineDecayRestarts(initial_learning_rate=0.1, first_decay_steps=100)",
                    List.of(LR, required("first_decay_steps", Kind.STEPS, "length of the first cycle, > 0"),
                            optional("t_mul", Kind.NUMBER, CosineDecayRestarts.T_MUL, "growth of each cycle's length, >= 1"),
                            optional("m_mul", Kind.NUMBER, CosineDecayRestarts.M_MUL, "factor of each cycle's peak, >= 0"),
                            optional("alpha", Kind.NUMBER, CosineDecayRestarts.ALPHA, "floor as a fraction of initial_learning_rate"),
                            name("SGDRDecay")),
                    named(a -> new CosineDecayRestarts(a.number("initial_learning_rate"), a.steps("first_decay_steps"), a.number("t_mul"),
                            a.number("m_mul"), a.number("alpha")))));

    /** The dialect's families, names prefixed with {@code keras.}. */
    public static List<Family> families() {
        return FAMILIES;
    }

    /** Keras: {@code Argument `decay_steps` must be > 0}. */
    static void checkDecaySteps(String name, long steps) {
        if (steps <= 0) throw Checks.fail(name, steps, "must be > 0, as Keras requires");
    }

    /** Checks that {@code name=}, if given, is a string (or None), then builds. */
    private static Function<Args, Schedule> named(Function<Args, Schedule> builder) {
        return a -> {
            Node n = a.node("name");
            if (n != null && !(n instanceof Node.Str) && !Py.none(n)) {
                throw a.error("name expects a string such as 'decay', found " + Node.describe(n), n);
            }
            return builder.apply(a);
        };
    }

    private static List<Double> numbers(Args a, String name) {
        Node n = a.node(name);
        if (!(n instanceof Node.ListLit list)) {
            throw a.error(name + " expects a list of numbers such as [0.1, 0.01], found " + (n == null ? "nothing" : Node.describe(n)), n);
        }
        List<Double> values = new ArrayList<>();
        for (Node item : list.items()) values.add(a.number(name, item));
        return values;
    }
}
