package dev.anneal.lab;

/** The spread of one curve over the seeds: the lowest and highest value at each point. */
public record Band(Curve low, Curve high) {}
