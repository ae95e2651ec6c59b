package dev.anneal.lab.train;

import dev.anneal.optimizer.Method;
import dev.anneal.optim.ScheduleSet;
import dev.anneal.optim.grad.GradConfig;
import dev.anneal.optim.grad.Verdict;

import java.util.List;
import java.util.Map;

/**
 * optim's {@link dev.anneal.optim.Optimizer} over one parameter vector, bound to it at the first step. The learning
 * rate is the value the study passes with each step (a study may compute it online, as a controller does), an
 * explicit input of optim's step that scales a unit lr schedule; every other hyperparameter is a constant;
 * gradients go through optim's pipeline as configured (clipping).
 */
final class Bound {
    private final Method method;
    private final Map<String, Double> constants;
    private final GradConfig gradients;
    private dev.anneal.optim.Optimizer optimizer;
    private float[] params;

    Bound(Method method, Map<String, Double> constants, GradConfig gradients) {
        this.method = method;
        this.constants = Map.copyOf(constants);
        this.gradients = gradients;
    }

    Verdict step(float[] p, float[] g, double lr) {
        if (optimizer == null) {
            params = p;
            ScheduleSet set = ScheduleSet.builder().defaults(d -> {
                d.set("lr", 1.0);
                constants.forEach(d::set);
            }).build();
            optimizer = dev.anneal.optim.Optimizer.builder(method, set).group("default", p).gradients(gradients).build();
        } else if (p != params) {
            throw new IllegalStateException("an optimizer serves the parameter vector it first stepped, not another one");
        }
        return optimizer.step(List.of(g), unit -> unit * lr);
    }
}
