package dev.anneal.optim;

import java.util.List;

/** Named parameters as flat float32 blocks; the name selects the group's schedules in a {@link ScheduleSet}. */
public record ParameterGroup(String name, List<float[]> blocks) {
    public ParameterGroup {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name (" + name + ") must not be blank");
        blocks = List.copyOf(blocks);
        if (blocks.isEmpty()) throw new IllegalArgumentException("group " + name + " must have at least one block");
    }

    public static ParameterGroup of(String name, float[]... blocks) {
        return new ParameterGroup(name, List.of(blocks));
    }
}
