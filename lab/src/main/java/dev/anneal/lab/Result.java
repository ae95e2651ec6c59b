package dev.anneal.lab;

import java.util.Map;
import java.util.Optional;

/**
 * What the runner made of one study: the table, the verdict and the seed-averaged curves, or the error that
 * stopped it.
 */
public record Result(Study study, Mode mode, int seeds, Optional<Table> table, Optional<Judgement> judgement,
                     Map<String, Curve> curves, Optional<String> error, long millis) {

    static Result of(Study study, Mode mode, int seeds, Table table, Map<String, Curve> curves, long millis) {
        return new Result(study, mode, seeds, Optional.of(table), Optional.of(study.rule().judge(table)), java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(curves)),
                Optional.empty(), millis);
    }

    static Result failed(Study study, Mode mode, int seeds, String error, long millis) {
        return new Result(study, mode, seeds, Optional.empty(), Optional.empty(), Map.of(), Optional.of(error), millis);
    }

    /** The verdict's label, or {@code ERROR} for a study that failed to run. */
    public String status() {
        return judgement.map(j -> j.verdict().label()).orElse("ERROR");
    }
}
