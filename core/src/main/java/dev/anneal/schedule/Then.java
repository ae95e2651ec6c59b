package dev.anneal.schedule;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@code first then next}: first for its duration D, then next at t − D (next sees relative time). {@code boundary}
 * is D, computed once, so evaluating a chain walks down one path of the tree: a chain built by {@link #of} is
 * balanced and costs log₂ n steps per value. Every walk here is a loop, never a recursion, so a chain of any
 * depth is safe. Two chains are equal when their pieces are: 'then' is associative.
 */
public record Then(Schedule first, Schedule next, long boundary) implements Schedule {
    public Then {
        if (first == null || next == null) throw InvalidInputException.of("then needs two schedules");
        OptionalLong d = first.duration();
        if (d.isEmpty()) throw InvalidInputException.of(neverEnds(first));
        if (boundary != d.getAsLong()) {
            throw Checks.fail("boundary", String.valueOf(boundary), "must be the first schedule's duration (" + d.getAsLong() + ")");
        }
    }

    public Then(Schedule first, Schedule next) {
        this(first, next, durationOf(first));
    }

    private static long durationOf(Schedule first) {
        // The canonical constructor reports a schedule that never ends; -1 only gets it there.
        return first == null ? -1 : first.duration().orElse(-1);
    }

    /** Why a schedule that never ends cannot come first. */
    public static String neverEnds(Schedule first) {
        return "then: the first schedule (" + first + ") never ends; only a schedule with a finite duration can be followed";
    }

    /** The pieces joined as a balanced tree; every piece but the last must end. */
    public static Schedule of(List<? extends Schedule> pieces) {
        if (pieces.isEmpty()) throw InvalidInputException.of("then needs at least one schedule");
        return balanced(pieces, 0, pieces.size());
    }

    private static Schedule balanced(List<? extends Schedule> pieces, int from, int to) {
        if (to - from == 1) return pieces.get(from);
        int mid = (from + to) >>> 1;
        return new Then(balanced(pieces, from, mid), balanced(pieces, mid, to));
    }

    @Override
    public double at(long step) {
        Schedule s = this;
        long t = Steps.clamp(step);
        while (s instanceof Then th) {
            if (t < th.boundary) {
                s = th.first;
            } else {
                t -= th.boundary;
                s = th.next;
            }
        }
        return s.at(t);
    }

    @Override
    public OptionalLong duration() {
        long d = 0;
        Schedule s = this;
        while (s instanceof Then th) {
            d = Steps.add(d, th.boundary);
            s = th.next;
        }
        OptionalLong last = s.duration();
        return last.isPresent() ? OptionalLong.of(Steps.add(d, last.getAsLong())) : last;
    }

    /** The schedules joined, in order, none of them a Then. */
    public List<Schedule> pieces() {
        List<Schedule> pieces = new ArrayList<>();
        Deque<Schedule> pending = new ArrayDeque<>();
        pending.push(this);
        while (!pending.isEmpty()) {
            Schedule s = pending.pop();
            if (s instanceof Then th) {
                pending.push(th.next);
                pending.push(th.first);
            } else {
                pieces.add(s);
            }
        }
        return pieces;
    }

    @Override
    public Range range() {
        Range r = null;
        for (Schedule s : pieces()) r = r == null ? s.range() : r.union(s.range());
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Then other && pieces().equals(other.pieces());
    }

    @Override
    public int hashCode() {
        return pieces().hashCode();
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
