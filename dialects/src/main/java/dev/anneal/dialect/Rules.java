package dev.anneal.dialect;

import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Form;
import dev.anneal.spec.Spec;

import java.util.List;
import java.util.function.Supplier;

/** How one dialect writes native schedules: a table of shapes, one case per native family it has. */
public interface Rules {

    /** Candidate translations of a native schedule, best first; {@code Convert} keeps the first that checks out. */
    List<Form> translate(Schedule nativeSchedule);

    /** Rules with one candidate: spec text, or a {@link Refusal} that says why there is none. */
    interface Single extends Rules {
        String write(Schedule nativeSchedule);

        @Override
        default List<Form> translate(Schedule nativeSchedule) {
            return List.of(attempt(() -> write(nativeSchedule)));
        }
    }

    /** The spec text a writer produces, parsed; or the writer's refusal, or the dialect's own objection to the text. */
    static Form attempt(Supplier<String> writer) {
        try {
            return parse(writer.get());
        } catch (Refusal r) {
            return Form.none(r.getMessage());
        }
    }

    /** The dialect's spec text parsed into its schedule, or the dialect's own objection to it. */
    private static Form parse(String text) {
        try {
            return Form.of(Spec.parse(text));
        } catch (IllegalArgumentException e) {
            return Form.none(text + " is rejected: " + e.getMessage());
        }
    }

    /** A rule's refusal, thrown from deep inside a translation and turned into a {@link Form.Missing}. */
    final class Refusal extends RuntimeException {
        public Refusal(String reason) {
            super(reason, null, false, false);
        }
    }
}
