package dev.anneal.convert;

import dev.anneal.schedule.Clamp;
import dev.anneal.schedule.Cosine;
import dev.anneal.schedule.Counter;
import dev.anneal.schedule.Rescale;
import dev.anneal.schedule.Cyclic;
import dev.anneal.schedule.Framework;
import dev.anneal.schedule.Linear;
import dev.anneal.schedule.MultiStep;
import dev.anneal.schedule.OneCycle;
import dev.anneal.schedule.Phase;
import dev.anneal.schedule.Polynomial;
import dev.anneal.schedule.Product;
import dev.anneal.schedule.Scaled;
import dev.anneal.schedule.Schedule;
import dev.anneal.schedule.Sgdr;
import dev.anneal.schedule.Shift;
import dev.anneal.schedule.Step;
import dev.anneal.schedule.Then;
import dev.anneal.schedule.Warmup;
import dev.anneal.schedule.Wsd;

import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The steps where a schedule's formula changes: where a piece ends, a milestone or a restart falls, a cycle turns.
 * Repeating ones (step, sgdr, cyclic) are listed up to {@code limit}, or over their first two cycles when that is
 * further, and at most {@link #MOST} in all.
 */
final class Breakpoints {
    static final int MOST = 10_000;

    private final NavigableSet<Long> steps = new TreeSet<>();
    private final long limit;

    private Breakpoints(long limit) {
        this.limit = limit;
    }

    static NavigableSet<Long> of(Schedule s, long limit) {
        Breakpoints b = new Breakpoints(limit);
        b.add(s, 0);
        return b.steps;
    }

    private void add(Schedule s, long offset) {
        switch (s) {
            case Linear l -> at(offset, l.steps());
            case Polynomial p -> at(offset, p.steps());
            case Cosine c -> at(offset, c.steps());
            case Step st -> repeat(offset, 0, st.every(), 1);
            case MultiStep m -> m.at().forEach(a -> at(offset, a));
            case Sgdr g -> repeat(offset, 0, g.firstPeriod(), g.mult());
            case Cyclic c -> {
                repeat(offset, 0, c.up() + c.down(), 1);
                repeat(offset, c.up(), c.up() + c.down(), 1);
            }
            case OneCycle o -> {
                double rise = o.pctStart() * o.steps() - 1;
                at(offset, (long) Math.floor(rise));
                at(offset, (long) Math.ceil(rise));
                if (o.threePhase()) at(offset, (long) Math.ceil(2 * rise));
                at(offset, o.steps() - 1);
                at(offset, o.steps());
            }
            case Wsd w -> {
                at(offset, w.warmup());
                at(offset, w.warmup() + w.stable());
                at(offset, w.warmup() + w.stable() + w.decay());
            }
            case Then t -> {
                long d = t.first().duration().getAsLong();
                add(t.first(), offset);
                at(offset, d);
                add(t.next(), offset + d);
            }
            case Warmup w -> {
                at(offset, w.steps());
                add(w.target(), offset + w.steps());
            }
            case Scaled x -> add(x.schedule(), offset);
            case Clamp x -> add(x.schedule(), offset);
            case Rescale x -> add(x.schedule(), offset);
            case Counter x -> add(x.schedule(), offset);
            case Product p -> {
                add(p.left(), offset);
                add(p.right(), offset);
            }
            case Shift x -> add(x.schedule(), offset - x.by());
            case Phase x -> add(x.schedule(), offset - x.offset());
            case Framework f -> {
                f.duration().ifPresent(d -> at(offset, d));
                f.period().ifPresent(p -> repeat(offset, 0, p, 1));
            }
            default -> { } // constant, exponential, inverse_time, inverse_sqrt, power_law: one formula throughout
        }
    }

    /** first, first + period, … with the period multiplied by {@code mult} after each one. */
    private void repeat(long offset, long first, long period, long mult) {
        long end = Math.max(limit, 2 * period);
        long step = first, p = period;
        while (step <= end && steps.size() < MOST) {
            at(offset, step);
            if (p > end) break;
            step += p;
            p = p > end / mult ? end + 1 : p * mult;
        }
    }

    private void at(long offset, long step) {
        long s = offset + step;
        if (s >= 0 && steps.size() < MOST) steps.add(s);
    }
}
