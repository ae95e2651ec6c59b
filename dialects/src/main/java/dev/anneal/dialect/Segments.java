package dev.anneal.dialect;

import dev.anneal.spec.Form;
import dev.anneal.convert.Portable;
import dev.anneal.schedule.Constant;
import dev.anneal.schedule.Linear;
import dev.anneal.schedule.Schedule;
import dev.anneal.schedule.Then;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Native forms of the frameworks' joins (optax.join_schedules, torch.SequentialLR, piecewise schedules): pieces one
 * after another with {@code then}, each cut to the steps the join gives it. A native schedule holds its last value
 * after its duration, so a piece shorter than its slot is held; one that would have to be cut short has no native form.
 */
public final class Segments {
    private Segments() {}

    /** {@code value} for {@code steps} steps, as a piece that may be followed: {@code linear(v, v, steps=n)}. */
    public static Schedule hold(double value, long steps) {
        return new Linear(value, value, steps);
    }

    /** pieces[i] for lengths[i] steps each, the last one from then on (lengths has one entry fewer than pieces). */
    public static Form chain(List<Schedule> pieces, List<Long> lengths) {
        List<Schedule> kept = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            Schedule piece = pieces.get(i);
            if (i < lengths.size()) {
                long length = lengths.get(i);
                if (length == 0) continue;
                Form cut = cut(piece, length);
                if (!(cut instanceof Form.Found found)) return cut;
                piece = found.schedule();
            }
            kept.add(piece);
        }
        return Form.of(Then.of(kept));
    }

    /** Pieces switched at absolute steps, as optax's join_schedules and PyTorch's SequentialLR do. */
    public static Form join(List<Schedule> pieces, List<Long> boundaries) {
        Long[] lengths = new Long[boundaries.size()];
        long previous = 0;
        for (int i = 0; i < boundaries.size(); i++) {
            if (boundaries.get(i) < previous) {
                return Form.none("its boundaries " + boundaries + " are not in increasing order, and native 'then' joins pieces end to end");
            }
            lengths[i] = boundaries.get(i) - previous;
            previous = boundaries.get(i);
        }
        return chain(pieces, List.of(lengths));
    }

    /** {@link #join} of the pieces' native forms: for joins whose pieces are framework schedules. */
    public static Form joinNative(List<? extends Schedule> pieces, List<Long> boundaries) {
        List<Schedule> natives = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            Schedule piece = pieces.get(i);
            Form form = piece instanceof Portable p ? p.nativeForm() : Form.of(piece);
            if (form instanceof Form.Missing(String reason)) return Form.none("schedules[" + i + "] (" + piece + ") has no native form: " + reason);
            natives.add(((Form.Found) form).schedule());
        }
        return join(natives, boundaries);
    }

    /** The piece for exactly {@code length} steps: held at its last value if it ends sooner. */
    private static Form cut(Schedule piece, long length) {
        if (piece instanceof Constant c) return Form.of(hold(c.value(), length));
        if (piece instanceof Then t) {
            long first = t.first().duration().getAsLong();
            if (first >= length) return cut(t.first(), length);
            Form rest = cut(t.next(), length - first);
            return rest instanceof Form.Found(Schedule next) ? Form.of(new Then(t.first(), next)) : rest;
        }
        OptionalLong d = piece.duration();
        if (d.isPresent() && d.getAsLong() == length) return Form.of(piece);
        if (d.isPresent() && d.getAsLong() < length) {
            long end = d.getAsLong();
            return Form.of(end == 0 ? hold(piece.at(0), length) : new Then(piece, hold(piece.at(end), length - end)));
        }
        return Form.none(piece + (d.isPresent() ? " lasts " + d.getAsLong() + " steps" : " never ends") + ", but its slot is "
                + length + " steps: a native schedule cannot be cut short");
    }
}
