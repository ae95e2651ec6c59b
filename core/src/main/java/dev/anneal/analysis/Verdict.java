package dev.anneal.analysis;

import java.util.List;
import java.util.stream.Collectors;

/** What a person reads first: SAFE, UNSAFE at the unstable steps, or RISK with its reasons. */
public record Verdict(Kind kind, List<StepRun> unstable, long unstableSteps, long horizon, List<String> risks) {

    public enum Kind { SAFE, UNSAFE, RISK }

    public Verdict {
        unstable = List.copyOf(unstable);
        risks = List.copyOf(risks);
    }

    static Verdict of(Stability stability, long horizon, List<String> risks) {
        if (stability != null && !stability.stable()) {
            return new Verdict(Kind.UNSAFE, stability.unstable(), stability.unstableSteps(), horizon, risks);
        }
        return new Verdict(risks.isEmpty() ? Kind.SAFE : Kind.RISK, List.of(), 0, horizon, risks);
    }

    /** The verdict line, e.g. {@code UNSAFE at steps 0–295 (296 of 1000 steps)}. */
    public String line() {
        return switch (kind) {
            case SAFE -> "SAFE";
            case UNSAFE -> {
                long shown = unstable.stream().mapToLong(StepRun::length).sum();
                yield "UNSAFE at steps " + unstable.stream().map(StepRun::toString).collect(Collectors.joining(", "))
                        + (shown < unstableSteps ? ", …" : "") + " (" + unstableSteps + " of " + horizon + " steps)";
            }
            case RISK -> "RISK: " + String.join("; ", risks);
        };
    }
}
