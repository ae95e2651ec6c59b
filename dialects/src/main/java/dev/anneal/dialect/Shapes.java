package dev.anneal.dialect;

import dev.anneal.schedule.Clamp;
import dev.anneal.schedule.Constant;
import dev.anneal.schedule.Cosine;
import dev.anneal.schedule.Counter;
import dev.anneal.schedule.Rescale;
import dev.anneal.schedule.Custom;
import dev.anneal.schedule.Cyclic;
import dev.anneal.schedule.Exponential;
import dev.anneal.schedule.Framework;
import dev.anneal.schedule.HalfLife;
import dev.anneal.schedule.InverseSqrt;
import dev.anneal.schedule.InverseTime;
import dev.anneal.schedule.Linear;
import dev.anneal.schedule.MultiStep;
import dev.anneal.schedule.OneCycle;
import dev.anneal.schedule.Phase;
import dev.anneal.schedule.Polynomial;
import dev.anneal.schedule.PowerLaw;
import dev.anneal.schedule.Product;
import dev.anneal.schedule.Scaled;
import dev.anneal.schedule.Schedule;
import dev.anneal.schedule.Sgdr;
import dev.anneal.schedule.Shift;
import dev.anneal.schedule.Step;
import dev.anneal.schedule.Then;
import dev.anneal.schedule.Warmup;
import dev.anneal.schedule.Wsd;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the rules share: the names of the native shapes, for refusals, and a schedule as pieces one after another. */
public final class Shapes {
    private Shapes() {}

    /** {@code keras has no cyclical schedule}. */
    public static Rules.Refusal lacks(String dialect, Schedule s) {
        return new Rules.Refusal(dialect + " has no " + noun(s));
    }

    public static String noun(Schedule s) {
        return switch (s) {
            case Constant x -> "constant schedule";
            case Linear x -> "linear schedule";
            case Step x -> "step decay";
            case MultiStep x -> "multistep decay";
            case Exponential x -> "exponential decay";
            case HalfLife x -> "exponential decay by half-life";
            case InverseTime x -> "inverse-time decay";
            case InverseSqrt x -> "inverse square-root decay";
            case PowerLaw x -> "power-law decay";
            case Polynomial x -> "polynomial decay";
            case Cosine x -> "cosine decay";
            case Sgdr x -> "cosine schedule with warm restarts";
            case Cyclic x -> "cyclical schedule";
            case OneCycle x -> "one-cycle schedule";
            case Wsd x -> "warmup-stable-decay schedule";
            case Then x -> "way to join schedules (A then B)";
            case Warmup x -> "warmup";
            case Scaled x -> "scaled schedule (c * A)";
            case Product x -> "product of schedules (A * B)";
            case Shift x -> "shifted schedule (shift)";
            case Phase x -> "phase-shifted schedule (phase)";
            case Counter x -> "counter-phase schedule (counter)";
            case Clamp x -> "clamped schedule (clamp)";
            case Rescale x -> "rescaled schedule (rescale)";
            case Custom x -> "schedule defined in code";
            case Framework x -> "schedule " + x.spec();
        };
    }

    /**
     * The schedule as pieces one after another: 'then' flattened, warmup(w, B) as linear(0, B(0), steps=w) then B,
     * and wsd as its linear or cosine phases. Each piece but the last has a finite duration.
     */
    public static List<Schedule> pieces(Schedule s) {
        List<Schedule> pieces = new ArrayList<>();
        switch (s) {
            case Then t -> {
                pieces.addAll(pieces(t.first()));
                pieces.addAll(pieces(t.next()));
            }
            case Warmup w -> {
                pieces.add(new Linear(0, w.target().at(0), w.steps()));
                pieces.addAll(pieces(w.target()));
            }
            case Wsd w when w.shape() != Wsd.Shape.SQRT -> {
                if (w.warmup() > 0) pieces.add(new Linear(0, w.peak(), w.warmup()));
                if (w.stable() > 0) pieces.add(new Linear(w.peak(), w.peak(), w.stable()));
                pieces.add(w.shape() == Wsd.Shape.LINEAR ? new Linear(w.peak(), w.floor(), w.decay()) : new Cosine(w.peak(), w.decay(), w.floor()));
            }
            default -> pieces.add(s);
        }
        return pieces;
    }

    /** A linear warmup into a cosine that starts where it ends: optax's and Keras's one built-in join. */
    public record WarmupCosine(Linear warmup, Cosine decay) {}

    public static Optional<WarmupCosine> warmupCosine(List<Schedule> pieces) {
        return pieces.size() == 2 && pieces.getFirst() instanceof Linear w && pieces.getLast() instanceof Cosine c && w.end() == c.value()
                ? Optional.of(new WarmupCosine(w, c)) : Optional.empty();
    }

    /** Where each piece but the last ends, counted from step 0: the boundaries of a join. */
    public static List<Long> boundaries(List<Schedule> pieces) {
        List<Long> boundaries = new ArrayList<>();
        long at = 0;
        for (int i = 0; i + 1 < pieces.size(); i++) boundaries.add(at += pieces.get(i).duration().getAsLong());
        return boundaries;
    }
}
