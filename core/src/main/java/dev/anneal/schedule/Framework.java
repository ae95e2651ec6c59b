package dev.anneal.schedule;

import java.util.Map;
import java.util.Optional;

/**
 * A schedule written in a framework's dialect (a {@code dev.anneal.spec.Dialect} plugged in, such as {@code torch.}). It
 * evaluates with the framework's own arithmetic, quirks included, so that ported recipes give the same numbers.
 * Dialect records live outside core (anneal-dialects has torch, hf, optax, keras and timm); they print back in
 * their dialect.
 */
public non-sealed interface Framework extends Schedule {

    /** Canonical spec text in the framework's dialect; it parses back to an equal schedule. */
    String spec();

    /** An equivalent native schedule (same values within 1e-12 relative), where one exists. */
    default Optional<Schedule> toNative() {
        return Optional.empty();
    }

    /** Other hyperparameters the scheduler drives, by name: "momentum" for PyTorch's CyclicLR and OneCycleLR. */
    default Map<String, Schedule> companions() {
        return Map.of();
    }
}
