package dev.anneal.control;

import java.util.Locale;

/** A controller changed the rate: at {@code step}, from {@code oldRate} to {@code newRate}, because {@code reason}. */
public record Decision(long step, double oldRate, double newRate, String reason) {

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "step %d: %.6g -> %.6g (%s)", step, oldRate, newRate, reason);
    }
}
