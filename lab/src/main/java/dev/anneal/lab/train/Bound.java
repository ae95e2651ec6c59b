package dev.anneal.lab.train;

import dev.anneal.optimizer.Method;
import dev.anneal.optim.ScheduleSet;
import dev.anneal.optim.grad.GradConfig;
import dev.anneal.optim.grad.Verdict;
import dev.anneal.schedule.Schedule;

import java.util.List;
import java.util.Map;

/**
 * optim's {@link dev.anneal.optim.Optimizer} over one parameter vector, bound to it at the first step. The learning
 * rate is the value the study passes with each step (a study may compute it online, as a controller does); every
 * other hyperparameter is a constant; gradients go through optim's pipeline as configured (clipping).
 */
final class Bound {
    private final Method method;
    private final Map<String, Double> constants;
    private final GradConfig gradients;
    private dev.anneal.optim.Optimizer optimizer;
    private float[] params;
    private double lr;

    Bound(Method method, Map<String, Double> constants, GradConfig gradients) {
        this.method = method;
        this.constants = Map.copyOf(constants);
        this.gradients = gradients;
    }

    Verdict step(float[] p, float[] g, double lr) {
        if (optimizer == null) {
            params = p;
            Schedule rate = Schedule.of("lr set by the study", t -> this.lr);
            ScheduleSet set = ScheduleSet.builder().defaults(d -> {
                d.set("lr", rate);
                constants.forEach(d::set);
            }).build();
            optimizer = dev.anneal.optim.Optimizer.builder(method, set).group("default", p).gradients(gradients).build();
        } else if (p != params) {
            throw new IllegalStateException("an optimizer serves the parameter vector it first stepped, not another one");
        }
        this.lr = lr;
        return optimizer.step(List.of(g));
    }
}
