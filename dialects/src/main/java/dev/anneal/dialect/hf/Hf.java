package dev.anneal.dialect.hf;

import dev.anneal.schedule.InvalidInputException;

import dev.anneal.schedule.Checks;

import dev.anneal.dialect.Py;
import dev.anneal.dialect.hf.Lambdas.Shape;
import dev.anneal.spec.Args;
import dev.anneal.spec.Family;
import dev.anneal.spec.Param;
import dev.anneal.spec.Param.Kind;

import java.util.List;

import static dev.anneal.spec.Param.optional;
import static dev.anneal.spec.Param.required;

/**
 * The {@code hf.} dialect of the spec language: the schedule functions of Hugging Face transformers
 * ({@code transformers.optimization}), by their names and argument names, with {@code lr=} (the optimizer's
 * learning rate) in place of the optimizer. The value at step k is lr·lr_lambda(k), the learning rate after k calls
 * of the returned {@code LambdaLR}'s {@code step()}. See {@code docs/dialects/hf.md}.
 */
public final class Hf {
    private Hf() {}

    private static final Param LR = required("lr", Kind.NUMBER, "the optimizer's learning rate (LambdaLR's base lr)");
    private static final Param WARMUP = required("num_warmup_steps", Kind.STEPS, "steps of the linear warmup from 0, >= 0");
    private static final Param TRAINING = required("num_training_steps", Kind.STEPS, "total training steps, >= 0");
    private static final Param HALF_CYCLE = optional("num_cycles", Kind.NUMBER, CosineWithWarmup.NUM_CYCLES,
            "cosine waves after the warmup (0.5: one half-wave from lr down to the floor)");
    private static final Param MIN_LR = optional("min_lr", Kind.NUMBER, null, "the floor of the cosine (give this or min_lr_rate)");
    private static final Param MIN_LR_RATE = optional("min_lr_rate", Kind.NUMBER, null, "the floor as a fraction of lr (give this or min_lr)");

    private static final List<Family> FAMILIES = List.of(
            new Family("hf.get_constant_schedule", "lr at every step", "lr",
                    "hf.get_constant_schedule(lr=0.001)", List.of(LR),
                    a -> new ConstantSchedule(a.number("lr"))),
            new Family("hf.get_constant_schedule_with_warmup", "linear warmup from 0, then lr",
                    "lr·k/max(1, w) for k < w, then lr", "hf.get_constant_schedule_with_warmup(lr=0.001, num_warmup_steps=100)",
                    List.of(LR, WARMUP),
                    a -> new ConstantWithWarmup(a.number("lr"), a.steps("num_warmup_steps"))),
            new Family("hf.get_linear_schedule_with_warmup", "linear warmup from 0, then linear decay to 0 at num_training_steps",
                    "lr·k/w for k < w, then lr·max(0, (T − k)/max(1, T − w))",
                    "hf.get_linear_schedule_with_warmup(lr=0.001, num_warmup_steps=100, num_training_steps=1000)",
                    List.of(LR, WARMUP, TRAINING),
                    a -> new LinearWithWarmup(a.number("lr"), a.steps("num_warmup_steps"), a.steps("num_training_steps"))),
            new Family("hf.get_cosine_schedule_with_warmup",
                    "linear warmup from 0, then cosine; the cosine goes on past num_training_steps",
                    "lr·k/w for k < w, then lr·max(0, (1 + cos(2π·num_cycles·p))/2), p = (k − w)/max(1, T − w)",
                    "hf.get_cosine_schedule_with_warmup(lr=0.001, num_warmup_steps=10, num_training_steps=100)",
                    List.of(LR, WARMUP, TRAINING, HALF_CYCLE),
                    a -> new CosineWithWarmup(a.number("lr"), a.steps("num_warmup_steps"), a.steps("num_training_steps"),
                            a.number("num_cycles"))),
            new Family("hf.get_cosine_with_hard_restarts_schedule_with_warmup",
                    "linear warmup from 0, then num_cycles cosine decays to 0 with hard restarts; 0 from num_training_steps on",
                    "lr·k/w for k < w, then lr·(1 + cos(π·((num_cycles·p) mod 1)))/2 for p < 1, then 0",
                    "hf.get_cosine_with_hard_restarts_schedule_with_warmup(lr=0.001, num_warmup_steps=10, num_training_steps=100, num_cycles=3)",
                    List.of(LR, WARMUP, TRAINING, optional("num_cycles", Kind.NUMBER, CosineWithHardRestarts.NUM_CYCLES,
                            "number of cosine cycles (a fraction cuts the last one short)")),
                    a -> new CosineWithHardRestarts(a.number("lr"), a.steps("num_warmup_steps"), a.steps("num_training_steps"),
                            a.number("num_cycles"))),
            new Family("hf.get_polynomial_decay_schedule_with_warmup",
                    "linear warmup from 0, then polynomial decay to lr_end at num_training_steps",
                    "lr·k/w for k < w, then (lr − lr_end)·(1 − (k − w)/(T − w))^power + lr_end, then lr_end",
                    "hf.get_polynomial_decay_schedule_with_warmup(lr=0.001, num_warmup_steps=10, num_training_steps=100, lr_end=1e-05, power=2.0)",
                    List.of(LR, WARMUP, TRAINING,
                            optional("lr_end", Kind.NUMBER, PolynomialDecayWithWarmup.LR_END, "final lr, < lr"),
                            optional("power", Kind.NUMBER, PolynomialDecayWithWarmup.POWER, "exponent of the decay, >= 0")),
                    a -> new PolynomialDecayWithWarmup(a.number("lr"), a.steps("num_warmup_steps"), a.steps("num_training_steps"),
                            a.number("lr_end"), a.number("power"))),
            new Family("hf.get_inverse_sqrt_schedule", "linear warmup from 0, then inverse square-root decay",
                    "lr·k/w for k < w, then lr/√((k + timescale − w)/timescale)",
                    "hf.get_inverse_sqrt_schedule(lr=0.001, num_warmup_steps=100)",
                    List.of(LR, WARMUP, optional("timescale", Kind.STEPS, null,
                            "decay time scale, > 0 (default: num_warmup_steps, or 10000 when that is 0)")),
                    Hf::inverseSqrt),
            new Family("hf.get_wsd_schedule", "warmup-stable-decay, between lr·min_lr_ratio and lr",
                    "warmup (linear | cosine | 1-sqrt) to lr, lr for num_stable_steps, decay (cosine | linear | 1-sqrt) to lr·min_lr_ratio",
                    "hf.get_wsd_schedule(lr=0.001, num_warmup_steps=10, num_decay_steps=20, num_stable_steps=70)",
                    List.of(LR, WARMUP, required("num_decay_steps", Kind.STEPS, "steps of the decay, >= 0"),
                            optional("num_training_steps", Kind.STEPS, null,
                                    "total steps; the stable phase is what the warmup and decay leave (or give num_stable_steps)"),
                            optional("num_stable_steps", Kind.STEPS, null, "steps at lr (or give num_training_steps)"),
                            Param.word("warmup_type", "linear", "shape of the warmup", "linear", "cosine", "1-sqrt"),
                            Param.word("decay_type", "cosine", "shape of the decay", "linear", "cosine", "1-sqrt"),
                            optional("min_lr_ratio", Kind.NUMBER, WsdSchedule.MIN_LR_RATIO, "start of the warmup and end of the decay, as a fraction of lr"),
                            optional("num_cycles", Kind.NUMBER, WsdSchedule.NUM_CYCLES, "cosine waves of a cosine decay")),
                    Hf::wsd),
            new Family("hf.get_cosine_with_min_lr_schedule_with_warmup",
                    "linear warmup from 0, then cosine between lr and a floor; the cosine goes on past num_training_steps",
                    "lr·k/w for k < w, then lr·max(0, f·(1 − r) + r), f = (1 + cos(2π·num_cycles·p))/2, r = min_lr_rate or min_lr/lr",
                    "hf.get_cosine_with_min_lr_schedule_with_warmup(lr=0.001, num_warmup_steps=10, num_training_steps=100, min_lr=1e-05)",
                    List.of(LR, WARMUP, TRAINING, HALF_CYCLE, MIN_LR, MIN_LR_RATE),
                    a -> new CosineWithMinLr(a.number("lr"), a.steps("num_warmup_steps"), a.steps("num_training_steps"),
                            a.number("num_cycles"), Py.optionalNumber(a, "min_lr"), Py.optionalNumber(a, "min_lr_rate"))),
            new Family("hf.get_cosine_with_min_lr_schedule_with_warmup_lr_rate",
                    "as get_cosine_with_min_lr_schedule_with_warmup, but the warmup starts at lr/w (or lr·warmup_lr_rate) and the cosine runs one step ahead",
                    "lr·(k + 1)/w (or lr·(q + (1 − q)·k/max(1, w − 1))) for k < w, then lr·max(0, f·(1 − r) + r) with p = (k − w + 1)/max(1, T − w)",
                    "hf.get_cosine_with_min_lr_schedule_with_warmup_lr_rate(lr=0.001, num_warmup_steps=10, num_training_steps=100, min_lr_rate=0.1)",
                    List.of(LR, WARMUP, TRAINING, HALF_CYCLE, MIN_LR, MIN_LR_RATE,
                            optional("warmup_lr_rate", Kind.NUMBER, null, "start of the warmup as a fraction of lr (default: 1/num_warmup_steps)")),
                    a -> new CosineWithMinLrRate(a.number("lr"), a.steps("num_warmup_steps"), a.steps("num_training_steps"),
                            a.number("num_cycles"), Py.optionalNumber(a, "min_lr"), Py.optionalNumber(a, "min_lr_rate"),
                            Py.optionalNumber(a, "warmup_lr_rate"))));

    /** The dialect's families, names prefixed with {@code hf.}. */
    public static List<Family> families() {
        return FAMILIES;
    }

    private static InverseSqrtSchedule inverseSqrt(Args a) {
        long warmup = a.steps("num_warmup_steps");
        Long timescale = Py.optionalSteps(a, "timescale");
        return new InverseSqrtSchedule(a.number("lr"), warmup, timescale != null ? timescale : InverseSqrtSchedule.defaultTimescale(warmup));
    }

    /** transformers' rules: num_training_steps or num_stable_steps; with both, num_stable_steps is used (here: they must agree). */
    private static WsdSchedule wsd(Args a) {
        long warmup = a.steps("num_warmup_steps"), decay = a.steps("num_decay_steps");
        Long training = Py.optionalSteps(a, "num_training_steps"), stable = Py.optionalSteps(a, "num_stable_steps");
        if (training == null && stable == null) {
            throw InvalidInputException.of("hf.get_wsd_schedule needs num_training_steps or num_stable_steps, as transformers requires");
        }
        long fromTotal = training == null ? 0 : training - warmup - decay;
        if (training != null && stable != null && fromTotal != stable) {
            throw Checks.fail("num_stable_steps", String.valueOf(stable), "disagrees with num_training_steps (" + training
                    + ") − num_warmup_steps − num_decay_steps (" + fromTotal + "); transformers would warn and use num_stable_steps: give one of them");
        }
        if (stable == null && fromTotal < 0) {
            throw Checks.fail("num_training_steps", String.valueOf(training), "must be >= num_warmup_steps + num_decay_steps ("
                    + (warmup + decay) + ")");
        }
        return new WsdSchedule(a.number("lr"), warmup, stable != null ? stable : fromTotal, decay,
                Shape.of(a.word("warmup_type")), Shape.of(a.word("decay_type")), a.number("min_lr_ratio"), a.number("num_cycles"));
    }
}
