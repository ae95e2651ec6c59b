package dev.anneal.convert;

import dev.anneal.schedule.Framework;
import dev.anneal.schedule.Schedule;

import java.util.Optional;

/**
 * A framework schedule that knows its native form, or says why it has none ({@code torch.CosineAnnealingLR} with
 * eta_min > 0 rises again past T_max, and no native composition adds a floor to a full cosine wave). Every record of
 * the four dialects implements it; {@link Convert} checks the answer numerically before trusting it.
 */
public interface Portable extends Framework {

    /** The equivalent native schedule, or why there is none. */
    Form nativeForm();

    @Override
    default Optional<Schedule> toNative() {
        return nativeForm().found();
    }
}
