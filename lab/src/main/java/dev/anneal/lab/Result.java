package dev.anneal.lab;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the runner made of one study: the table, the verdict, the seed-averaged curves with their spread over the
 * seeds, and the verdict at each point of the study's sweep; or the error that stopped it.
 */
public record Result(Study study, Mode mode, int seeds, Optional<Table> table, Optional<Judgement> judgement,
                     Map<String, Curve> curves, Map<String, Band> bands, List<Sweep.Outcome> sweep, Optional<String> error, long millis) {

    public Result {
        curves = Collections.unmodifiableMap(new LinkedHashMap<>(curves));
        bands = Collections.unmodifiableMap(new LinkedHashMap<>(bands));
        sweep = List.copyOf(sweep);
    }

    static Result of(Study study, Mode mode, int seeds, Table table, Map<String, Curve> curves, Map<String, Band> bands,
                     List<Sweep.Outcome> sweep, long millis) {
        return new Result(study, mode, seeds, Optional.of(table), Optional.of(study.rule().judge(table)), curves, bands, sweep,
                Optional.empty(), millis);
    }

    static Result failed(Study study, Mode mode, int seeds, String error, long millis) {
        return new Result(study, mode, seeds, Optional.empty(), Optional.empty(), Map.of(), Map.of(), List.of(), Optional.of(error), millis);
    }

    /** The verdict's label, or {@code ERROR} for a study that failed to run. */
    public String status() {
        return judgement.map(j -> j.verdict().label()).orElse("ERROR");
    }

    /** The verdict before the methods changed, while it differs from this one. */
    public Optional<Previous> changed() {
        return study.previous().filter(p -> judgement.map(j -> j.verdict() != p.verdict()).orElse(true));
    }
}
