package dev.anneal.optim;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Schedule sets as YAML or JSON: {@code total} (optional), {@code defaults} (name → value) and {@code groups}
 * (group → name → value), where a value is a number (a constant) or a spec string. Every error names its key.
 */
final class ScheduleSetFile {
    private static final Set<String> KEYS = Set.of("total", "defaults", "groups");
    private static final ObjectMapper YAML = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private ScheduleSetFile() {}

    static ScheduleSet read(Path file, Consumer<ScheduleSet.Builder> more) throws IOException {
        String text = Files.readString(file);
        try {
            return of(file.toString().endsWith(".json") ? JSON.readTree(text) : YAML.readTree(text), more);
        } catch (ScheduleSetException e) {
            throw e.at(file.toString());
        }
    }

    static ScheduleSet parse(String yaml, Consumer<ScheduleSet.Builder> more) {
        try {
            return of(YAML.readTree(yaml), more);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("schedule set is not valid YAML: " + e.getOriginalMessage());
        }
    }

    /** The file's definitions, then {@code more}'s (a run's total, which must agree with the file's; an lr it gives). */
    private static ScheduleSet of(JsonNode root, Consumer<ScheduleSet.Builder> more) throws JacksonException {
        if (root == null || !root.isObject()) throw new ScheduleSetException("(top)", "a schedule set must be a mapping with keys " + KEYS);
        ScheduleSet.Builder builder = ScheduleSet.builder();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            if (!KEYS.contains(e.getKey())) {
                throw new ScheduleSetException(e.getKey(), "unknown key; a schedule set has total, defaults and groups");
            }
        }
        JsonNode total = root.get("total");
        if (total != null) {
            if (!total.canConvertToExactIntegral()) throw new ScheduleSetException("total", "total (" + total + ") must be a whole number of steps");
            if (!total.canConvertToLong()) throw new ScheduleSetException("total", "total (" + total + ") must be at most " + Long.MAX_VALUE);
            builder.total(total.asLong());
        }
        JsonNode defaults = root.get("defaults");
        if (defaults != null) builder.defaults(g -> definitions("defaults", defaults, g));
        JsonNode groups = root.get("groups");
        if (groups != null) {
            mapping("groups", groups);
            for (Map.Entry<String, JsonNode> e : groups.properties()) {
                String where = "groups." + e.getKey();
                builder.group(e.getKey(), g -> { if (!e.getValue().isNull()) definitions(where, e.getValue(), g); });
            }
        }
        more.accept(builder);
        return builder.build();
    }

    private static void definitions(String where, JsonNode node, ScheduleSet.Group group) {
        mapping(where, node);
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode v = e.getValue();
            if (v.isNumber()) group.set(e.getKey(), v.doubleValue());
            else if (v.isTextual()) group.set(e.getKey(), v.textValue());
            else throw new ScheduleSetException(where + "." + e.getKey(), "expected a number or a spec string, found " + kind(v));
        }
    }

    private static void mapping(String where, JsonNode node) {
        if (!node.isObject()) throw new ScheduleSetException(where, "expected a mapping of names, found " + kind(node));
    }

    private static String kind(JsonNode v) {
        return v.isArray() ? "a list" : v.isObject() ? "a mapping" : v.isBoolean() ? "the boolean " + v : v.isNull() ? "nothing" : v.toString();
    }
}
