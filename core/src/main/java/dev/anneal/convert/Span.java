package dev.anneal.convert;

import dev.anneal.schedule.Schedule;

import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.stream.LongStream;

/**
 * The steps a conversion is checked on. With E the last breakpoint of the schedules (a piece's end, a milestone, a
 * restart or cycle end within the first two cycles, a duration, twice a period), the span is steps 0 … H with
 * H = max(2·E, 10 000): twice as far as anything happens, so that what follows the last change is seen too. Every
 * step is checked when H ≤ 100 000; otherwise 100 000 evenly spaced steps, H itself, and the 64 steps on either side
 * of every breakpoint up to H (the first 10 000 of them).
 */
record Span(long horizon, boolean exhaustive, long[] steps) {
    static final long MIN_HORIZON = 10_000, EXHAUSTIVE = 100_000, SAMPLES = 100_000, AROUND = 64;
    /** Far enough for any schedule worth converting, and safe from overflow in the step arithmetic. */
    static final long MAX_HORIZON = 1L << 52;

    static Span of(Schedule... schedules) {
        long last = 0;
        for (Schedule s : schedules) {
            NavigableSet<Long> first = Breakpoints.of(s, 0);
            if (!first.isEmpty()) last = Math.max(last, first.last());
            if (s.duration().isPresent()) last = Math.max(last, s.duration().getAsLong());
            if (s.period().isPresent()) last = Math.max(last, 2 * Math.min(s.period().getAsLong(), MAX_HORIZON));
        }
        long horizon = Math.min(Math.max(last > MAX_HORIZON / 2 ? MAX_HORIZON : 2 * last, MIN_HORIZON), MAX_HORIZON);
        if (horizon <= EXHAUSTIVE) return new Span(horizon, true, LongStream.rangeClosed(0, horizon).toArray());
        NavigableSet<Long> steps = new TreeSet<>();
        for (long i = 0; i < SAMPLES; i++) steps.add(Math.round((double) i / SAMPLES * horizon));
        steps.add(horizon);
        for (Schedule s : schedules) {
            for (long b : Breakpoints.of(s, horizon)) {
                for (long t = Math.max(0, b - AROUND); t <= Math.min(horizon, b + AROUND); t++) steps.add(t);
            }
        }
        return new Span(horizon, false, steps.stream().mapToLong(Long::longValue).toArray());
    }

    /** How the steps were chosen, for a report: {@code every step 0 … 10000}. */
    String describe() {
        return exhaustive ? "every step 0 … " + horizon : steps.length + " steps over 0 … " + horizon + " (all around each breakpoint)";
    }
}
