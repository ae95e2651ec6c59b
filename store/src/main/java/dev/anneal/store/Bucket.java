package dev.anneal.store;

/**
 * A run of consecutive recorded steps read as one point: the first and last step it covers, the smallest and
 * largest value in it, and the value at its last step (what a line through the buckets draws). NaN values are
 * left out of min and max; a bucket of only NaN has NaN for both.
 */
public record Bucket(long firstStep, long lastStep, double min, double max, double last, long count) {}
