package dev.anneal.spec;

import dev.anneal.schedule.Schedule;

import java.util.List;

/**
 * A framework's dialect of the spec language ({@code torch.}, {@code timm.}, …), plugged in from outside core: a
 * module declares {@code provides dev.anneal.spec.Dialect with …} (a jar on the class path lists the class in
 * {@code META-INF/services/dev.anneal.spec.Dialect}) and the parser, the printer's round trip, {@code anneal families}
 * and {@code anneal convert} know its names. Core names no dialect; see {@link Dialects}.
 */
public interface Dialect {

    /** The prefix before the dot, a lower-case word: {@code torch} in {@code torch.StepLR}. */
    String prefix();

    /** The dialect's families; each name starts with {@code prefix() + "."}. */
    List<Family> families();

    /**
     * Ways to write a native schedule (one whose parts are all native) in this dialect, best first; each is checked
     * on the numbers before it is used. A {@link Form.Missing} says why there is none:
     * {@code keras has no cyclical schedule}.
     */
    List<Form> write(Schedule nativeSchedule);
}
