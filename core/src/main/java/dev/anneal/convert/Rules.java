package dev.anneal.convert;

import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Spec;

import java.util.List;

/** How one dialect writes native schedules: a table of shapes, one case per native family it has. */
interface Rules {

    /** Candidate translations of a native schedule, best first; {@link Convert} keeps the first that checks out. */
    List<Form> translate(Schedule nativeSchedule);

    /** The dialect's spec text parsed into its schedule, or the dialect's own objection to it. */
    static Form parse(String text) {
        try {
            return Form.of(Spec.parse(text));
        } catch (IllegalArgumentException e) {
            return Form.none(text + " is rejected: " + e.getMessage());
        }
    }

    /** A rule's refusal, thrown from deep inside a translation and turned into a {@link Form.Missing}. */
    final class Refusal extends RuntimeException {
        Refusal(String reason) {
            super(reason, null, false, false);
        }
    }
}
