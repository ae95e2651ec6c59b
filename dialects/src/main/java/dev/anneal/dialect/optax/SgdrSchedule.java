package dev.anneal.dialect.optax;

import dev.anneal.schedule.Checks;

import dev.anneal.dialect.Py;
import dev.anneal.spec.Form;
import dev.anneal.convert.Portable;
import dev.anneal.dialect.Segments;
import dev.anneal.schedule.Range;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * {@code optax.sgdr_schedule(cosine_kwargs=[{…}, …])}: one warmup_cosine_decay_schedule per dict, joined end to
 * end; cycle i starts where the decay_steps of the cycles before it add up to, and sees the step relative to that.
 */
record SgdrSchedule(List<WarmupCosineDecaySchedule> cosineKwargs) implements Portable {
    SgdrSchedule {
        cosineKwargs = List.copyOf(cosineKwargs);
        if (cosineKwargs.isEmpty()) throw Checks.fail("cosine_kwargs", "[]", "must hold at least one dict");
    }

    /** The cumulative decay_steps, without the last (optax's {@code boundaries[:-1]}). */
    List<Long> boundaries() {
        List<Long> boundaries = new ArrayList<>();
        long step = 0;
        for (int i = 0; i < cosineKwargs.size() - 1; i++) {
            step = Py.add(step, cosineKwargs.get(i).decaySteps());
            boundaries.add(step);
        }
        return boundaries;
    }

    @Override
    public double at(long step) {
        return Fns.join(cosineKwargs, boundaries(), Py.clamp(step));
    }

    @Override
    public OptionalLong duration() {
        long total = 0;
        for (WarmupCosineDecaySchedule c : cosineKwargs) total = Py.add(total, c.decaySteps());
        return OptionalLong.of(total);
    }

    @Override
    public Range range() {
        return cosineKwargs.stream().map(WarmupCosineDecaySchedule::range).reduce(Range::union).orElseThrow();
    }

    @Override
    public String spec() {
        return "optax.sgdr_schedule(cosine_kwargs=" + cosineKwargs.stream().map(WarmupCosineDecaySchedule::kwargs)
                .collect(Collectors.joining(", ", "[", "]")) + ")";
    }

    @Override
    public Form nativeForm() {
        return Segments.joinNative(cosineKwargs, boundaries());
    }

    @Override
    public String toString() {
        return spec();
    }
}
