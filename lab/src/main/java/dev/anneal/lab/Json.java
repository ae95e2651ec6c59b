package dev.anneal.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** {@code results.json}: every number of a run, per study and arm and seed. */
final class Json {
    private Json() {}

    static void write(List<Result> results, Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        ArrayNode studies = root.putArray("studies");
        for (Result r : results) studies.add(study(mapper, r));
        mapper.writeValue(file.toFile(), root);
    }

    private static ObjectNode study(ObjectMapper mapper, Result r) {
        Study s = r.study();
        ObjectNode n = mapper.createObjectNode();
        n.put("id", s.id()).put("title", s.title()).put("source", s.source()).put("claim", s.claim())
                .put("setup", s.setup(r.mode())).put("metric", s.metric()).put("mode", r.mode().name().toLowerCase(java.util.Locale.ROOT))
                .put("seeds", r.seeds()).put("millis", r.millis()).put("rule", s.rule().describe()).put("verdict", r.status());
        n.put("kind", s.evidence().name().toLowerCase(java.util.Locale.ROOT));
        r.judgement().ifPresent(j -> {
            n.put("reason", j.reason()).put("near_threshold", j.nearThreshold());
            ArrayNode comparisons = n.putArray("comparisons");
            for (Comparison c : j.comparisons())
                comparisons.addObject().put("a", c.a()).put("b", c.b()).put("mean_difference", c.mean()).put("se", c.se())
                        .put("a_lower", c.lower()).put("seeds", c.n()).put("separable", c.separable());
            ArrayNode parts = n.putArray("parts");
            for (Judgement.Part p : j.parts())
                parts.addObject().put("name", p.name()).put("kind", p.kind().name().toLowerCase(java.util.Locale.ROOT))
                        .put("verdict", p.verdict().label()).put("reason", p.reason());
        });
        r.changed().ifPresent(p -> n.put("previous_verdict", p.verdict().label()).put("change", p.why()));
        s.sweep().filter(sw -> !r.sweep().isEmpty()).ifPresent(sw -> {
            ObjectNode sweep = n.putObject("sweep").put("parameter", sw.parameter());
            ArrayNode points = sweep.putArray("points");
            for (Sweep.Outcome o : r.sweep()) points.addObject().put("value", o.value()).put("verdict", o.verdict().label()).put("reason", o.reason());
        });
        r.error().ifPresent(e -> n.put("error", e));
        r.table().ifPresent(t -> {
            ArrayNode arms = n.putArray("arms");
            for (Arm a : t.arms()) {
                ObjectNode arm = arms.addObject().put("name", a.name()).put("mean", a.mean()).put("se", a.se());
                if (t.budgets().containsKey(a.name())) arm.put("budget", t.budgets().get(a.name()));
                ArrayNode values = arm.putArray("values");
                for (double v : a.values()) values.add(v);
            }
        });
        ObjectNode curves = n.putObject("curves");
        r.curves().forEach((label, c) -> {
            ObjectNode cn = curves.putObject(label);
            ArrayNode x = cn.putArray("x"), y = cn.putArray("y");
            for (double v : c.x()) number(x, v);
            for (double v : c.y()) number(y, v);
            Band band = r.bands().get(label);
            if (band != null) {
                ArrayNode lo = cn.putArray("min"), hi = cn.putArray("max");
                for (double v : band.low().y()) number(lo, v);
                for (double v : band.high().y()) number(hi, v);
            }
        });
        return n;
    }

    /** JSON has no NaN or infinity: a diverged point is written as null. */
    private static void number(ArrayNode array, double v) {
        if (Double.isFinite(v)) array.add(v);
        else array.addNull();
    }
}
