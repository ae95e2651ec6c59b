package dev.anneal.web;

import dev.anneal.store.Artifact;
import dev.anneal.store.Bucket;
import dev.anneal.store.Event;
import dev.anneal.store.Run;
import dev.anneal.store.SeriesKey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the API: plain maps and lists, times in epoch milliseconds, NaN and infinities as null. */
final class Views {
    private Views() {}

    /** A row of the runs table. */
    static Map<String, Object> summary(Run r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("kind", r.kind().label());
        m.put("name", r.name());
        m.put("status", r.status().name());
        m.put("started", r.startedAt().toEpochMilli());
        m.put("ended", r.endedAt() == null ? null : r.endedAt().toEpochMilli());
        m.put("durationMs", r.duration().toMillis());
        m.put("parent", r.parentId());
        Map<String, Object> metrics = new LinkedHashMap<>();
        r.metrics().forEach((k, v) -> metrics.put(k, number(v)));
        m.put("metrics", metrics);
        return m;
    }

    /** A run with everything but its points. */
    static Map<String, Object> detail(Run r, List<SeriesKey> series, List<Event> events, List<Artifact> artifacts) {
        Map<String, Object> m = summary(r);
        m.put("config", r.config());
        m.put("schedule", r.scheduleText());
        m.put("seed", r.seed());
        m.put("host", r.host());
        m.put("codeVersion", r.codeVersion());
        m.put("message", r.message());
        m.put("series", series.stream().map(k -> Map.of("key", k.toString(), "name", k.name(), "group", k.group())).toList());
        m.put("events", events.stream().map(Views::event).toList());
        List<Map<String, Object>> files = new ArrayList<>();
        for (int i = 0; i < artifacts.size(); i++) {
            Artifact a = artifacts.get(i);
            files.add(Map.of("index", i, "path", a.path(), "kind", a.kind(), "at", a.at().toEpochMilli()));
        }
        m.put("artifacts", files);
        return m;
    }

    static Map<String, Object> event(Event e) {
        return Map.of("step", e.step(), "at", e.at().toEpochMilli(), "type", e.type(), "message", e.message());
    }

    /** Buckets as columns: {step: [last step…], first, min, max, last, count}. */
    static Map<String, Object> buckets(List<Bucket> buckets) {
        int n = buckets.size();
        long[] step = new long[n], first = new long[n], count = new long[n];
        Double[] min = new Double[n], max = new Double[n], last = new Double[n];
        for (int i = 0; i < n; i++) {
            Bucket b = buckets.get(i);
            step[i] = b.lastStep();
            first[i] = b.firstStep();
            count[i] = b.count();
            min[i] = number(b.min());
            max[i] = number(b.max());
            last[i] = number(b.last());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step", step);
        m.put("first", first);
        m.put("min", min);
        m.put("max", max);
        m.put("last", last);
        m.put("count", count);
        return m;
    }

    /** A finite value, or null: JSON has no NaN, and a chart leaves a gap there. */
    static Double number(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
