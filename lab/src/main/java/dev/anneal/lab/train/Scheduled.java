package dev.anneal.lab.train;

import dev.anneal.optimizer.Method;
import dev.anneal.optim.Optimizer;
import dev.anneal.optim.ScheduleSet;
import dev.anneal.optim.grad.GradConfig;
import dev.anneal.optim.grad.GradState;
import dev.anneal.optim.grad.Verdict;

import java.util.List;

/**
 * optim's optimizer over one parameter vector with every hyperparameter, lr included, read from a
 * {@link ScheduleSet} (group {@code default}); extras the update rule does not read (dropout, augmentation,
 * label smoothing, …) are read by the study with {@link #value}. This is how the co-scheduling studies drive
 * several hyperparameters from one set.
 */
public final class Scheduled {
    private final ScheduleSet set;
    private final Optimizer optimizer;

    public Scheduled(Method method, ScheduleSet set, GradConfig gradients, float[] params) {
        this.set = set;
        this.optimizer = Optimizers.over(params, method, set, gradients);
    }

    public Scheduled(Method method, ScheduleSet set, float[] params) {
        this(method, set, GradConfig.plain(), params);
    }

    /** One update with {@code g}; returns optim's verdict on the gradient. */
    public Verdict step(float[] g) {
        return optimizer.step(List.of(g));
    }

    /** The step the next update reads its hyperparameters at. */
    public long step() {
        return optimizer.currentStep();
    }

    /** Hyperparameter {@code name} of the set at the current step. */
    public double value(String name) {
        return set.schedule("default", name).at(step());
    }

    /** The gradient pipeline's counters: clipped and skipped steps, half-precision overflows, the loss scale. */
    public GradState gradients() {
        return optimizer.gradients().state();
    }

    /** A deep copy of the optimizer's state: its moments (Adam's m and v per block) and the gradient pipeline's. */
    public dev.anneal.optim.OptimizerState state() {
        return optimizer.state();
    }

    /** A set with one group of definitions, spec text, schedules or numbers, for a run of {@code total} steps. */
    public static ScheduleSet set(long total, Object... nameValue) {
        if (nameValue.length % 2 != 0) throw new IllegalArgumentException("set(…) takes name, value pairs");
        return ScheduleSet.builder().total(total).defaults(d -> {
            for (int i = 0; i < nameValue.length; i += 2) {
                String name = (String) nameValue[i];
                switch (nameValue[i + 1]) {
                    case Number n -> d.set(name, n.doubleValue());
                    case String spec -> d.set(name, spec);
                    case dev.anneal.schedule.Schedule schedule -> d.set(name, schedule);
                    default -> throw new IllegalArgumentException(name + " must be a number or a spec");
                }
            }
        }).build();
    }
}
