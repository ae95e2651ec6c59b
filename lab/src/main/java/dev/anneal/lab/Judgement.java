package dev.anneal.lab;

import java.util.List;

/**
 * A verdict and the numbers that produced it: the reason in words, every paired comparison the rule made, the
 * verdict of each named part, and whether a margin sat within 20% of its threshold (then the verdict is fragile and
 * the study should show a sweep).
 */
public record Judgement(Verdict verdict, String reason, List<Comparison> comparisons, List<Part> parts, boolean nearThreshold) {
    public Judgement {
        comparisons = List.copyOf(comparisons);
        parts = List.copyOf(parts);
    }

    public Judgement(Verdict verdict, String reason) {
        this(verdict, reason, List.of(), List.of(), false);
    }

    /** The verdict of one named part of a claim, with its kind of evidence. */
    public record Part(String name, Evidence kind, Verdict verdict, String reason) {}
}
