package dev.anneal.spec;

import dev.anneal.schedule.Schedule;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** A named schedule constructor of the spec language, with the documentation {@code anneal families} prints. */
public record Family(String name, String summary, String formula, String example, List<Param> params,
                     Function<Args, Schedule> builder) {

    public Family {
        params = List.copyOf(params);
    }

    public Optional<Param> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** {@code cosine(value, steps, floor=0)}. */
    public String signature() {
        return name + "(" + String.join(", ", params.stream().map(Param::signature).toList()) + ")";
    }
}
