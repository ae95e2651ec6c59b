package dev.anneal.djl;

import dev.anneal.optim.Regularizers;
import dev.anneal.optim.ScheduleSet;
import dev.anneal.schedule.Schedule;

/**
 * One regularizer's value by step: a {@link Schedule} under a key path, checked against the name's range
 * ({@link Regularizers}) at every read, so an out-of-range value stops training with the path and the step.
 */
public record ScheduledValue(String path, String name, Schedule schedule) {
    public ScheduledValue {
        if (Regularizers.range(name).isEmpty()) throw new IllegalArgumentException("name (" + name + ") must be one of " + Regularizers.all().keySet());
        if (schedule == null) throw new IllegalArgumentException(path + ": schedule (null) must be given");
    }

    /** {@code name}'s schedule, reported under its own name. */
    public static ScheduledValue of(String name, Schedule schedule) {
        return new ScheduledValue(name, name, schedule);
    }

    /** A fixed value (the unscheduled network's). */
    public static ScheduledValue fixed(String name, double value) {
        return of(name, Schedule.constant(value));
    }

    /** {@code group}'s {@code name} in {@code set}, or the name's unscheduled value where the group does not define it. */
    public static ScheduledValue of(ScheduleSet set, String group, String name) {
        Schedule s = set.group(group).get(name);
        return new ScheduledValue("groups." + group + "." + name, name,
                s != null ? s : Schedule.constant(Regularizers.range(name).orElseThrow().unscheduled()));
    }

    /** The value at {@code step}, checked. */
    public double at(long step) {
        return Regularizers.check(path, name, schedule.at(step), step);
    }
}
