package dev.anneal.web;

import dev.anneal.store.Run;
import dev.anneal.store.RunKind;
import dev.anneal.store.RunStatus;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One page of the runs table: the runs that match a text (in the name or id), a kind and a status, sorted by a
 * column (name, kind, status, started, duration, or a final metric {@code metric:NAME}), paged.
 */
record RunTable(String text, RunKind kind, RunStatus status, String sort, boolean descending, int page, int size) {
    static final List<String> COLUMNS = List.of("name", "kind", "status", "started", "duration");

    RunTable {
        if (!COLUMNS.contains(sort) && !(sort.startsWith("metric:") && sort.length() > 7)) {
            throw ApiException.badRequest("sort (" + Params.shown(sort) + ") must be one of " + COLUMNS + " or metric:NAME");
        }
    }

    /** {total, page, size, running, metrics: [names, most common first], runs: [summary…]} */
    Map<String, Object> apply(List<Run> all) {
        String needle = text == null ? null : text.toLowerCase(Locale.ROOT);
        List<Run> matching = all.stream()
                .filter(r -> kind == null || r.kind() == kind)
                .filter(r -> status == null || r.status() == status)
                .filter(r -> needle == null || r.name().toLowerCase(Locale.ROOT).contains(needle) || r.id().startsWith(needle))
                .sorted(order())
                .toList();
        // the metrics most of the matching runs have come first: those are the table's columns
        Map<String, Long> counts = new TreeMap<>();
        matching.forEach(r -> r.metrics().keySet().forEach(m -> counts.merge(m, 1L, Long::sum)));
        List<String> metrics = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
        int from = Math.min(page * size, matching.size());
        List<Map<String, Object>> rows = matching.subList(from, Math.min(from + size, matching.size())).stream()
                .map(Views::summary).toList();
        return Map.of("total", matching.size(), "page", page, "size", size, "metrics", metrics,
                "running", matching.stream().filter(r -> r.status() == RunStatus.RUNNING).count(), "runs", rows);
    }

    /** The column's order, ties broken by newest first; runs without the metric sort last either way. */
    private Comparator<Run> order() {
        Comparator<Run> newest = Comparator.comparing(Run::startedAt).reversed().thenComparing(Run::id);
        Comparator<Run> by = switch (sort) {
            case "name" -> Comparator.comparing(Run::name, String.CASE_INSENSITIVE_ORDER);
            case "kind" -> Comparator.comparing((Run r) -> r.kind().label());
            case "status" -> Comparator.comparing((Run r) -> r.status().name());
            case "started" -> Comparator.comparing(Run::startedAt);
            case "duration" -> Comparator.comparing(Run::duration);
            default -> {
                String metric = sort.substring("metric:".length());
                Function<Run, Double> value = r -> r.metrics().get(metric);
                Comparator<Double> values = descending ? Comparator.<Double>naturalOrder().reversed() : Comparator.naturalOrder();
                yield Comparator.comparing(value, Comparator.nullsLast(values)).thenComparing(newest);
            }
        };
        if (sort.startsWith("metric:")) return by;
        return (descending ? by.reversed() : by).thenComparing(newest);
    }
}
