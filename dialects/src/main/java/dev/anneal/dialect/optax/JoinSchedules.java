package dev.anneal.dialect.optax;

import dev.anneal.dialect.Py;
import dev.anneal.dialect.Segments;
import dev.anneal.schedule.Checks;
import dev.anneal.spec.Form;
import dev.anneal.convert.Portable;
import dev.anneal.schedule.Range;
import dev.anneal.schedule.Schedule;

import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * {@code optax.join_schedules(schedules=[…], boundaries=[…])}: schedules[0] until boundaries[0], then schedules[i+1]
 * from boundaries[i] on, seeing {@code step − boundaries[i]}. Boundaries are absolute steps; later ones win, as in
 * optax's chain of {@code jnp.where}.
 */
record JoinSchedules(List<Schedule> schedules, List<Long> boundaries) implements Portable {
    JoinSchedules {
        schedules = List.copyOf(schedules);
        boundaries = List.copyOf(boundaries);
        if (schedules.isEmpty()) throw Checks.fail("schedules", "[]", "must hold at least one schedule");
        if (boundaries.size() != schedules.size() - 1) {
            throw Checks.fail("boundaries", String.valueOf(boundaries), "must have one step fewer than schedules (" + schedules.size()
                    + " given): one boundary between each pair (optax's zip would drop the rest silently)");
        }
        for (int i = 0; i < boundaries.size(); i++) Checks.nonNegative("boundaries[" + i + "]", boundaries.get(i));
    }

    @Override
    public double at(long step) {
        return Fns.join(schedules, boundaries, Py.clamp(step));
    }

    /** From the last boundary on, the last schedule decides: its duration after that boundary. */
    @Override
    public OptionalLong duration() {
        OptionalLong last = schedules.getLast().duration();
        if (last.isEmpty()) return last;
        return OptionalLong.of(boundaries.isEmpty() ? last.getAsLong() : Py.add(boundaries.getLast(), last.getAsLong()));
    }

    @Override
    public Range range() {
        return schedules.stream().map(Schedule::range).reduce(Range::union).orElseThrow();
    }

    @Override
    public String spec() {
        return "optax.join_schedules(schedules=" + schedules.stream().map(Schedule::toString).collect(Collectors.joining(", ", "[", "]"))
                + ", boundaries=" + boundaries + ")";
    }

    @Override
    public Form nativeForm() {
        return Segments.joinNative(schedules, boundaries);
    }

    @Override
    public String toString() {
        return spec();
    }
}
