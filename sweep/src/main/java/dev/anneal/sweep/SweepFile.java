package dev.anneal.sweep;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a sweep file (YAML):
 * <pre>{@code
 * name: warmup-cosine
 * task: {name: quadratic, dimension: 16, noise: 0.05}
 * optimizer: sgd
 * steps: 200
 * schedules: {lr: "warmup(${w}, cosine(${peak}, steps=100%))", momentum: 0.9}
 * space:
 *   w: [0, 10, 20]
 *   peak: {range: [0.05, 0.5], scale: log, count: 4}
 * seeds: [1, 2, 3]
 * strategy: grid     # or {random: {trials, seed}}, {asha: {trials, min_steps, eta, seed}}, {pbt: {population, interval, quantile, perturb, seed}}
 * }</pre>
 * Every error names the key it is about.
 */
public final class SweepFile {
    private static final ObjectMapper YAML = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final Set<String> KEYS = Set.of("name", "task", "optimizer", "steps", "every", "schedules", "space",
            "seeds", "strategy", "retries");

    private SweepFile() {}

    public static SweepSpec read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("sweep file " + file + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("sweep file " + file + " cannot be read: " + e.getMessage());
        }
        String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        try {
            return parse(text, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** Parses a sweep's YAML; {@code name} is used when the text gives none. */
    public static SweepSpec parse(String yaml, String name) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not valid YAML: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException("a sweep file must be a mapping with keys " + String.join(", ", KEYS.stream().sorted().toList()));
        root.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k)) throw new IllegalArgumentException(k + ": unknown key; a sweep has " + String.join(", ", KEYS.stream().sorted().toList()));
        });
        long steps = whole(root, "steps", -1);
        if (steps < 0) throw new IllegalArgumentException("steps: required (the steps of every trial)");
        Map<String, String> task = new TreeMap<>(flat(required(root, "task"), "task"));
        Trials.check(task); // names a known task
        String optimizer = root.has("optimizer") ? text(root.get("optimizer"), "optimizer") : "sgd";
        Map<String, Domain> space = new LinkedHashMap<>();
        JsonNode s = root.get("space");
        if (s != null) {
            mapping(s, "space");
            s.properties().forEach(e -> space.put(e.getKey(), domain(e.getValue(), "space." + e.getKey())));
        }
        return new SweepSpec(root.has("name") ? text(root.get("name"), "name") : name, new TreeMap<>(task), optimizer,
                flat(required(root, "schedules"), "schedules"), steps, (int) whole(root, "every", Math.max(1, steps / 100)),
                space, seeds(root.get("seeds")), strategy(root.get("strategy")), (int) whole(root, "retries", 2));
    }

    private static Domain domain(JsonNode v, String where) {
        if (v.isArray()) return new Domain.Listed(texts(v, where));
        if (v.isValueNode()) return new Domain.Listed(List.of(text(v, where)));
        mapping(v, where);
        if (v.has("choice")) return new Domain.Listed(texts(v.get("choice"), where + ".choice"));
        JsonNode range = v.get("range");
        if (range == null || !range.isArray() || range.size() != 2 || !range.get(0).isNumber() || !range.get(1).isNumber()) {
            throw new IllegalArgumentException(where + ": expected a list, {choice: [...]} or {range: [lo, hi], scale: linear|log, count: N}");
        }
        String scale = v.has("scale") ? text(v.get("scale"), where + ".scale") : "linear";
        if (!scale.equals("linear") && !scale.equals("log")) throw new IllegalArgumentException(where + ".scale (" + scale + ") must be linear or log");
        try {
            return new Domain.Span(range.get(0).doubleValue(), range.get(1).doubleValue(), scale.equals("log"),
                    (int) whole(v, "count", 5), v.has("integer") && v.get("integer").asBoolean());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }

    private static List<Long> seeds(JsonNode v) {
        if (v == null) return List.of(0L);
        List<Long> out = new ArrayList<>();
        if (v.canConvertToExactIntegral() && v.isNumber()) {
            if (v.asLong() < 1) throw new IllegalArgumentException("seeds (" + v.asLong() + ") must be >= 1 or a list");
            for (long i = 0; i < v.asLong(); i++) out.add(i);
            return out;
        }
        if (!v.isArray()) throw new IllegalArgumentException("seeds: expected a count or a list of whole numbers");
        for (JsonNode n : v) {
            if (!n.canConvertToExactIntegral()) throw new IllegalArgumentException("seeds: " + n + " is not a whole number");
            out.add(n.asLong());
        }
        return out;
    }

    private static Strategy strategy(JsonNode v) {
        if (v == null || v.isTextual() && v.textValue().equals("grid")) return new Strategy.Grid();
        String name = v.isTextual() ? v.textValue() : v.isObject() && v.size() == 1 ? v.fieldNames().next() : "";
        JsonNode o = v.isObject() ? v.get(name) : YAML.createObjectNode();
        String where = "strategy." + name;
        if (o.isNull()) o = YAML.createObjectNode();
        return switch (name) {
            case "grid" -> new Strategy.Grid();
            case "random" -> new Strategy.Random((int) whole(o, "trials", 20, where), whole(o, "seed", 0, where));
            case "asha" -> new Strategy.Asha((int) whole(o, "trials", 27, where), whole(o, "seed", 0, where),
                    whole(o, "min_steps", 10, where), (int) whole(o, "eta", 3, where));
            case "pbt" -> new Strategy.Pbt((int) whole(o, "population", 8, where), whole(o, "interval", 20, where),
                    o.has("quantile") ? o.get("quantile").asDouble() : 0.25, perturb(o.get("perturb"), where),
                    whole(o, "seed", 0, where));
            default -> throw new IllegalArgumentException("strategy: expected grid, random, asha or pbt (as a name or {name: {options}})");
        };
    }

    private static double[] perturb(JsonNode v, String where) {
        if (v == null) return new double[] {0.8, 1.25};
        if (!v.isArray()) throw new IllegalArgumentException(where + ".perturb: expected a list of factors");
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            if (!v.get(i).isNumber()) throw new IllegalArgumentException(where + ".perturb: " + v.get(i) + " is not a number");
            out[i] = v.get(i).doubleValue();
        }
        return out;
    }

    private static JsonNode required(JsonNode root, String key) {
        JsonNode v = root.get(key);
        if (v == null) throw new IllegalArgumentException(key + ": required");
        return v;
    }

    private static Map<String, String> flat(JsonNode v, String where) {
        mapping(v, where);
        Map<String, String> out = new LinkedHashMap<>();
        v.properties().forEach(e -> out.put(e.getKey(), text(e.getValue(), where + "." + e.getKey())));
        return out;
    }

    private static void mapping(JsonNode v, String where) {
        if (!v.isObject()) throw new IllegalArgumentException(where + ": expected a mapping, found " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }

    private static String text(JsonNode v, String where) {
        if (v.isNumber()) return Domain.number(v.doubleValue());
        if (v.isTextual() || v.isBoolean()) return v.asText();
        throw new IllegalArgumentException(where + ": expected a number or text, found " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }

    private static List<String> texts(JsonNode v, String where) {
        if (!v.isArray()) throw new IllegalArgumentException(where + ": expected a list");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) out.add(text(v.get(i), where + "[" + i + "]"));
        return out;
    }

    private static long whole(JsonNode o, String key, long fallback) {
        return whole(o, key, fallback, null);
    }

    private static long whole(JsonNode o, String key, long fallback, String where) {
        JsonNode v = o.get(key);
        if (v == null) return fallback;
        if (!v.isNumber() || !v.canConvertToExactIntegral()) {
            throw new IllegalArgumentException((where == null ? "" : where + ".") + key + " (" + v + ") must be a whole number");
        }
        return v.asLong();
    }
}
