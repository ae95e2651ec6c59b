package dev.anneal.convert;

import dev.anneal.schedule.Framework;
import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Form;

import java.util.Optional;

/**
 * A framework schedule that knows its native form, or says why it has none ({@code torch.CosineAnnealingLR} climbs
 * back to lr past T_max, and no native family rises again after a cosine). Every record of the dialects
 * implements it; {@link Convert} checks the answer numerically before trusting it.
 */
public interface Portable extends Framework {

    /** The equivalent native schedule, or why there is none. */
    Form nativeForm();

    @Override
    default Optional<Schedule> toNative() {
        return nativeForm().found();
    }
}
