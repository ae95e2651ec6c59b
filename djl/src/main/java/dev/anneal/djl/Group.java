package dev.anneal.djl;

import ai.djl.nn.Parameter;
import dev.anneal.schedule.Schedule;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A parameter group: the parameters {@code members} accepts, and a schedule for each hyperparameter its rule reads.
 * The optimizer gives each parameter to the first group that accepts it.
 */
public record Group(String name, Predicate<Parameter> members, Map<Hyper, Schedule> schedules) {
    public Group {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("group name (" + name + ") must not be blank");
        if (members == null) throw new IllegalArgumentException("group " + name + ": members (null) must be given");
        schedules = Map.copyOf(schedules);
    }

    /** The group of every parameter with the given schedules. */
    public static Group all(Map<Hyper, Schedule> schedules) {
        return new Group("all", p -> true, schedules);
    }

    /** The group's schedules with {@code rule}'s defaults filled in, after checking that the rule reads each one. */
    Map<Hyper, Schedule> complete(Rule rule) {
        Map<Hyper, Schedule> all = new EnumMap<>(Hyper.class);
        for (Hyper h : schedules.keySet()) {
            if (!rule.hypers().contains(h)) {
                throw new IllegalArgumentException("group " + name + ": " + h.key() + " is not a hyperparameter of "
                        + rule.key() + " (it reads " + rule.hypers().stream().map(Hyper::key).toList() + ")");
            }
        }
        for (Hyper h : rule.hypers()) {
            Schedule s = schedules.get(h);
            if (s == null && h == Hyper.LR) throw new IllegalArgumentException("group " + name + ": lr must be scheduled");
            all.put(h, s != null ? s : Schedule.constant(rule.defaultValue(h)));
        }
        return all;
    }
}
