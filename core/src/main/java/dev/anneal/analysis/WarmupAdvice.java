package dev.anneal.analysis;

import dev.anneal.schedule.Linear;
import dev.anneal.schedule.Schedule;
import dev.anneal.schedule.Shift;
import dev.anneal.schedule.Then;

import java.util.Optional;

/**
 * The shortest linear warmup that keeps every step stable given a curvature bound Λ: a ramp from 0 that replaces
 * the schedule's first w steps and meets it at step w, {@code linear(0, η(w), steps=w) then shift(S, w)}, with
 * w = 1 + the last unstable step. The ramp stays below η(w), which is stable, so nothing before w is unstable; one
 * step less leaves step w − 1 to the schedule, where η·Λ ≥ h*. {@code steps} is 0 when no warmup is needed and
 * −1 when none can help (the schedule is unstable up to the end of the horizon). Any warmup must start below
 * {@code rateLimit} = h* / Λ (2/Λ for SGD).
 */
public record WarmupAdvice(double rateLimit, double initialRate, long steps, Optional<Schedule> fixed) {

    public static WarmupAdvice of(Schedule schedule, long horizon, Stability stability) {
        double limit = stability.rateLimit(), initial = Rates.at(schedule, 0);
        if (stability.stable()) return new WarmupAdvice(limit, initial, 0, Optional.empty());
        long w = stability.lastUnstable() + 1;
        if (w >= horizon) return new WarmupAdvice(limit, initial, -1, Optional.empty());
        Schedule fixed = new Then(new Linear(0, Rates.at(schedule, w), w), new Shift(schedule, w));
        return new WarmupAdvice(limit, initial, w, Optional.of(fixed));
    }
}
