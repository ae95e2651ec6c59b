package dev.anneal.dialect;

import dev.anneal.schedule.Product;
import dev.anneal.schedule.Scaled;
import dev.anneal.schedule.Schedule;
import dev.anneal.schedule.Sgdr;

/**
 * The full cosine wave that PyTorch's CosineAnnealingLR and transformers' cosine schedules follow past their end, as
 * a native composition. No native family rises again after a cosine decay, but
 * {@code (1 + cos(π·t/H))/2 = cos²(π·t/2H)}, and {@code sgdr(1, period=2H, floor=-1)} is {@code cos(π·t/2H)} up to
 * a restart every 2H steps, which the square cannot see.
 */
public final class Waves {
    private Waves() {}

    /** {@code peak·(1 + cos(π·t/halfPeriod))/2} at every step: peak at 0, 0 at halfPeriod, peak again at twice that. */
    public static Schedule cosine(double peak, long halfPeriod) {
        Schedule cos = new Sgdr(1, 2 * halfPeriod, 1, -1);
        return new Scaled(peak, new Product(cos, cos));
    }
}
