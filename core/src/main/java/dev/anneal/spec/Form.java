package dev.anneal.spec;

import dev.anneal.schedule.InvalidInputException;

import dev.anneal.schedule.Schedule;

import java.util.Optional;

/** A schedule written another way, or the reason it cannot be: what a conversion rule answers. */
public sealed interface Form {

    /** The schedule in the other form. */
    record Found(Schedule schedule) implements Form {
        public Found {
            if (schedule == null) throw InvalidInputException.of("a found form needs a schedule");
        }
    }

    /** Why there is no such form, as a sentence: {@code keras has no cyclical schedule}. */
    record Missing(String reason) implements Form {
        public Missing {
            if (reason == null || reason.isBlank()) throw InvalidInputException.of("a missing form needs a reason");
        }
    }

    static Form of(Schedule schedule) {
        return new Found(schedule);
    }

    static Form none(String reason) {
        return new Missing(reason);
    }

    /** The schedule if found, else empty. */
    default Optional<Schedule> found() {
        return this instanceof Found f ? Optional.of(f.schedule()) : Optional.empty();
    }
}
