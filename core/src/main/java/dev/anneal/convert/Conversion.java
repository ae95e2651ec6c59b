package dev.anneal.convert;

import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Spec;

/** The outcome of {@link Convert#convert}: an equivalent schedule, or why there is none. */
public sealed interface Conversion {

    /** One line for the user: the converted spec, or the reason there is none. */
    String message();

    /** An equivalent schedule in the target language, with the check that showed it. */
    record Converted(Schedule schedule, Check check) implements Conversion {
        /** The converted spec. */
        @Override
        public String message() {
            return Spec.print(schedule);
        }
    }

    /** No rule of the target language writes the schedule: {@code keras has no cyclical schedule}. */
    record Impossible(String reason) implements Conversion {
        @Override
        public String message() {
            return reason;
        }
    }

    /** The best candidate the rules found, and the step where its numbers part from the source's. */
    record Mismatch(Schedule source, Schedule candidate, Check check) implements Conversion {
        @Override
        public String message() {
            String candidateText = Spec.print(candidate);
            return "no equivalent: the closest candidate, " + candidateText + ", differs: "
                    + check.difference().orElseThrow().describe("the source", "the candidate");
        }
    }
}
