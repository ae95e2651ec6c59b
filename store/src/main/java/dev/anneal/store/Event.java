package dev.anneal.store;

import java.time.Instant;

/** Something that happened at a step: a controller decision, warmup's end, a restart, a skipped step, a snapshot. */
public record Event(long step, Instant at, String type, String message) {}
