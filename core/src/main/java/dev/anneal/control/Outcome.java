package dev.anneal.control;

import java.util.Optional;

/** The state after one observation, and the decision it caused, if any. */
public record Outcome<S>(S state, Optional<Decision> decision) {

    public static <S> Outcome<S> quiet(S state) {
        return new Outcome<>(state, Optional.empty());
    }

    public static <S> Outcome<S> decided(S state, long step, double oldRate, double newRate, String reason) {
        return new Outcome<>(state, Optional.of(new Decision(step, oldRate, newRate, reason)));
    }
}
