package dev.anneal.analysis;

import dev.anneal.schedule.*;

/** The warmup a schedule starts with, read from its structure (0 if none): where decay may be switched on. */
final class WarmupLength {
    private WarmupLength() {}

    static long of(Schedule schedule) {
        return switch (schedule) {
            case Warmup w -> w.steps();
            case Wsd w -> w.warmup();
            case Then t when t.first() instanceof Linear l && l.start() < l.end() -> l.steps();
            case Then t -> of(t.first());
            case OneCycle o -> (long) Math.ceil(o.pctStart() * o.steps() - 1);
            case Scaled s -> of(s.schedule());
            case Framework f -> f.toNative().map(WarmupLength::of).orElse(0L);
            default -> 0;
        };
    }
}
