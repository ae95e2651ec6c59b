package dev.anneal.lab;

/** A verdict and the numbers that produced it, in words. */
public record Judgement(Verdict verdict, String reason) {}
