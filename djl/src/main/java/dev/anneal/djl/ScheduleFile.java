package dev.anneal.djl;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.anneal.optim.ScheduleSet;
import dev.anneal.optim.ScheduleSetException;
import dev.anneal.schedule.Schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A schedule-set file for DJL training: optim's {@link ScheduleSet} ({@code defaults} and {@code groups}, see
 * docs/readme/optim.md) plus {@code parameters}, which says which DJL parameters each group claims: a glob, or a
 * list of globs, over the parameter's path in the block ({@link Claim}). The run gives {@code total} (percentages
 * in specs are of all its steps); a caller may give lr, which becomes {@code defaults.lr} before references resolve.
 * With one group, {@code parameters} may be left out: the group takes every parameter.
 */
public record ScheduleFile(ScheduleSet schedules, List<Claim> claims) {
    private static final Set<String> KEYS = Set.of("defaults", "groups", "parameters");
    private static final ObjectMapper YAML = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    public ScheduleFile {
        claims = List.copyOf(claims);
    }

    /** {@code file} (null: an empty set), percentages of {@code total} steps, lr given as a spec (null: the file's). */
    public static ScheduleFile read(Path file, long total, String lr) throws IOException {
        return of(file, file == null ? "" : Files.readString(file), total, lr == null ? null : g -> g.set("lr", lr));
    }

    /** As {@link #read(Path, long, String)}, with lr given as a schedule (find-lr's sweep). */
    public static ScheduleFile read(Path file, long total, Schedule lr) throws IOException {
        return of(file, file == null ? "" : Files.readString(file), total, lr == null ? null : g -> g.set("lr", lr));
    }

    /** The first group's lr: the rate the command reports and whose restarts end snapshot cycles. */
    public Schedule lr() {
        return schedules.schedule(schedules.groups().getFirst(), "lr");
    }

    /** What a run reports: {@code lr = …} per hyperparameter the set defines ({@code head.lr = …} with several groups), then the claims. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        boolean several = schedules.groups().size() > 1;
        for (String g : schedules.groups()) {
            schedules.group(g).forEach((name, s) -> lines.add((several ? g + "." : "") + name + " = " + s));
        }
        if (several) lines.add("parameters: " + String.join("; ", claims.stream().map(Claim::toString).toList()));
        return lines;
    }

    @Override
    public String toString() {
        return schedules + "parameters " + claims;
    }

    private static ScheduleFile of(Path file, String text, long total, Consumer<ScheduleSet.Group> lr) {
        String source = file == null ? "schedules" : file.toString();
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(source + " is not valid YAML or JSON: " + e.getOriginalMessage());
        }
        ObjectNode set = root == null || root.isMissingNode() || root.isNull() ? YAML.createObjectNode() : object(source, root);
        for (Map.Entry<String, JsonNode> e : set.properties()) {
            if (e.getKey().equals("total")) {
                throw new ScheduleSetException(source + ": total", "the run sets it (" + total + " steps, what percentages in specs refer to): remove it");
            }
            if (!KEYS.contains(e.getKey())) {
                throw new ScheduleSetException(source + ": " + e.getKey(), "unknown key; a schedule-set file has defaults, groups and parameters."
                        + " Hyperparameters go under defaults (every group) or groups.NAME: the flat form of earlier versions"
                        + " ('" + e.getKey() + ": …' at the top) is now 'defaults: {" + e.getKey() + ": …}'");
            }
        }
        if (lr != null && set.path("defaults").has("lr")) {
            throw new ScheduleSetException(source + ": defaults.lr", "lr is also given by the command (--schedule, or find-lr's sweep): keep one");
        }
        JsonNode parameters = set.remove("parameters");
        ScheduleSet schedules;
        try {
            schedules = ScheduleSet.parse(set.toString(), b -> {
                b.total(total);
                if (lr != null) b.defaults(lr);
            });
        } catch (ScheduleSetException e) {
            throw e.at(source.toString());
        }
        return new ScheduleFile(schedules, claims(source, parameters, schedules.groups()));
    }

    private static ObjectNode object(String source, JsonNode root) {
        if (!root.isObject()) throw new ScheduleSetException(source, "a schedule-set file must be a mapping with keys defaults, groups and parameters");
        return (ObjectNode) root;
    }

    private static List<Claim> claims(String source, JsonNode parameters, List<String> groups) {
        if (parameters == null || parameters.isNull()) {
            if (groups.size() == 1) return List.of(Claim.of(groups.getFirst(), "*"));
            throw new ScheduleSetException(source + ": parameters", "groups " + String.join(", ", groups)
                    + " need patterns saying which parameters each takes, e.g. parameters: {" + groups.getFirst() + ": \"*_bias\", " + groups.getLast() + ": \"*\"}");
        }
        if (!parameters.isObject()) throw new ScheduleSetException(source + ": parameters", "expected a mapping from group to glob pattern(s), found " + parameters);
        List<Claim> claims = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : parameters.properties()) {
            String where = source + ": parameters." + e.getKey();
            if (!groups.contains(e.getKey())) throw new ScheduleSetException(where, "no group " + e.getKey() + " in groups (groups: " + String.join(", ", groups) + ")");
            List<String> patterns = new ArrayList<>();
            for (JsonNode p : e.getValue().isArray() ? e.getValue() : List.of(e.getValue())) {
                if (!p.isTextual() || p.textValue().isEmpty()) throw new ScheduleSetException(where, "expected a glob pattern or a list of them, found " + p);
                patterns.add(p.textValue());
            }
            if (patterns.isEmpty()) throw new ScheduleSetException(where, "expected a glob pattern or a list of them, found an empty list");
            claims.add(new Claim(e.getKey(), patterns));
        }
        List<String> unclaimed = groups.stream().filter(g -> claims.stream().noneMatch(c -> c.group().equals(g))).toList();
        if (!unclaimed.isEmpty()) {
            throw new ScheduleSetException(source + ": parameters", "groups " + String.join(", ", unclaimed) + " have no pattern: say which parameters each group takes");
        }
        return claims;
    }
}
