package dev.anneal.web;

import dev.anneal.store.Event;
import dev.anneal.store.Run;
import dev.anneal.store.RunKind;
import dev.anneal.store.RunStore;
import io.javalin.config.RoutesConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lab's runs: each {@code anneal lab} run with its studies (child runs), and a study with its claim, its table
 * (each arm's mean over the seeds), its verdict and its curves.
 */
final class LabRoutes {
    private final RunStore store;
    private final RunIndex index;

    LabRoutes(RunStore store, RunIndex index) {
        this.store = store;
        this.index = index;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/lab", ctx -> Dashboard.json(ctx, labs()));
        routes.get("/api/lab/{id}", ctx -> Dashboard.json(ctx, study(ctx.pathParam("id"))));
    }

    private List<Map<String, Object>> labs() {
        List<Run> all = index.runs();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Run lab : all) {
            if (lab.kind() != RunKind.LAB || lab.parentId() != null) continue;
            Map<String, Object> m = Views.summary(lab);
            m.put("config", lab.config());
            m.put("studies", all.stream().filter(r -> lab.id().equals(r.parentId()))
                    .sorted(java.util.Comparator.comparing(Run::name)).map(r -> {
                        Map<String, Object> s = Views.summary(r);
                        s.put("study", r.config().getOrDefault("study", r.name()));
                        s.put("verdict", verdict(store.events(r.id())));
                        return s;
                    }).toList());
            out.add(m);
        }
        return out;
    }

    /** The study's verdict as recorded ({@code REPRODUCED: reason}), or null. */
    private static String verdict(List<Event> events) {
        return events.stream().filter(e -> e.type().equals("verdict")).map(Event::message).findFirst().orElse(null);
    }

    private Map<String, Object> study(String id) {
        Run r = store.find(id).filter(x -> x.kind() == RunKind.LAB && x.parentId() != null)
                .orElseThrow(() -> ApiException.notFound("no lab study run '" + Params.shown(id) + "'"));
        List<Event> events = store.events(r.id());
        Map<String, Object> m = Views.detail(r, store.series(r.id()), events, store.artifacts(r.id()));
        m.put("claim", r.config().get("claim"));
        m.put("verdict", verdict(events));
        List<Map<String, Object>> table = new ArrayList<>();
        r.metrics().forEach((arm, mean) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("arm", arm);
            row.put("mean", Views.number(mean));
            table.add(row);
        });
        m.put("table", table);
        return m;
    }
}
