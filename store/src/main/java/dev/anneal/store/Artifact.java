package dev.anneal.store;

import java.time.Instant;

/** A file a run produced (a figure, a trace, a checkpoint), by its absolute path; the store keeps no copy. */
public record Artifact(String path, String kind, Instant at) {}
