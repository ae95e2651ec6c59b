package dev.anneal.store;

/** One recorded value of a series. A NaN that was recorded reads back as NaN. */
public record Point(long step, double value) {}
