package dev.anneal.lab.train;

import dev.anneal.optim.Optimizer;
import dev.anneal.optim.ScheduleSet;
import dev.anneal.optim.grad.Clipping;
import dev.anneal.optim.grad.GradConfig;
import dev.anneal.optimizer.Method;
import dev.anneal.schedule.Checks;

import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * optim's {@link Optimizer} over one parameter vector, as the studies train with it. The set's lr is 1: a study
 * passes the rate of each step explicitly, {@code optimizer.step(List.of(g), rate(lr))}, because it may compute it
 * online (a controller does); every other hyperparameter is a constant (PyTorch's defaults unless given).
 */
public final class Optimizers {
    private Optimizers() {}

    /** Plain gradient descent: {@code p −= lr·g}. */
    public static Optimizer sgd(float[] p) {
        return over(p, Method.SGD, Map.of(), GradConfig.plain());
    }

    /** Heavy-ball momentum, PyTorch's form: {@code buf = β·buf + g; p −= lr·buf}. β must be in [0, 1). */
    public static Optimizer momentum(float[] p, double beta) {
        if (!(beta >= 0 && beta < 1)) throw Checks.fail("momentum", beta, "must be in [0, 1)");
        return over(p, Method.MOMENTUM, Map.of("momentum", beta), GradConfig.plain());
    }

    /** Adam with bias correction and PyTorch's defaults (β1 = 0.9, β2 = 0.999, ε = 1e-8). */
    public static Optimizer adam(float[] p) {
        return over(p, Method.ADAM, Map.of(), GradConfig.plain());
    }

    /** Plain gradient descent on gradients clipped by optim's gradient pipeline. */
    public static Optimizer clipped(float[] p, Clipping clipping) {
        return over(p, Method.SGD, Map.of(), GradConfig.plain().withClipping(clipping));
    }

    /** The rate of one step: the set's unit lr scaled to {@code lr}, exactly. */
    public static DoubleUnaryOperator rate(double lr) {
        return unit -> unit * lr;
    }

    private static Optimizer over(float[] p, Method method, Map<String, Double> constants, GradConfig gradients) {
        ScheduleSet set = ScheduleSet.builder().defaults(d -> {
            d.set("lr", 1.0);
            constants.forEach(d::set);
        }).build();
        return over(p, method, set, gradients);
    }

    /** {@code method} over {@code p} as the one group {@code default}, every hyperparameter read from {@code set}. */
    public static Optimizer over(float[] p, Method method, ScheduleSet set, GradConfig gradients) {
        return Optimizer.builder(method, set).group("default", p).gradients(gradients).build();
    }
}
