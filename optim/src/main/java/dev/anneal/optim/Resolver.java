package dev.anneal.optim;

import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Scope;
import dev.anneal.spec.Spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Turns a schedule set's definitions into schedules: each group sees the defaults overlaid by its own
 * definitions; references resolve depth-first, and a reference back onto the path is a cycle.
 */
final class Resolver {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** References followed from one definition: resolution recurses once per reference, so a chain must stay short. */
    static final int MAX_REFERENCE_DEPTH = 100;

    /** One hyperparameter of one group. */
    private record Key(String group, String name) {
        @Override
        public String toString() {
            return group + "." + name;
        }
    }

    private final Map<String, Object> defaults;
    private final Map<String, Map<String, Object>> own;
    private final OptionalLong total;
    private final Map<Key, Schedule> done = new HashMap<>();
    private final List<Key> path = new ArrayList<>();

    Resolver(Map<String, Object> defaults, Map<String, Map<String, Object>> own, OptionalLong total) {
        this.defaults = defaults;
        this.own = own;
        this.total = total;
    }

    Map<String, Map<String, Schedule>> resolve() {
        defaults.keySet().forEach(n -> checkName("defaults." + n, n));
        Map<String, Map<String, Schedule>> result = new LinkedHashMap<>();
        own.forEach((group, definitions) -> {
            checkName("groups." + group, group);
            definitions.keySet().forEach(n -> checkName("groups." + group + "." + n, n));
            Map<String, Schedule> schedules = new LinkedHashMap<>();
            for (String name : names(group)) schedules.put(name, schedule(new Key(group, name)));
            result.put(group, schedules);
        });
        return result;
    }

    private List<String> names(String group) {
        Map<String, Object> merged = new LinkedHashMap<>(defaults);
        merged.putAll(own.get(group));
        return List.copyOf(merged.keySet());
    }

    /** Where a key is written: {@code groups.head.lr}, or {@code defaults.lr} when the group inherits it. */
    private String where(Key key) {
        return own.get(key.group()).containsKey(key.name()) ? "groups." + key : "defaults." + key.name();
    }

    private Object definition(Key key) {
        Object d = own.get(key.group()).get(key.name());
        return d != null ? d : defaults.get(key.name());
    }

    private Schedule schedule(Key key) {
        Schedule known = done.get(key);
        if (known != null) return known;
        int at = path.indexOf(key);
        if (at >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(at, path.size()).stream().map(this::where).toList());
            cycle.add(where(key));
            throw new ScheduleSetException(where(path.get(at)), "the definitions form a cycle: " + String.join(" → ", cycle));
        }
        if (path.size() == MAX_REFERENCE_DEPTH) {
            throw new ScheduleSetException(where(path.getFirst()), "a chain of references from here is longer than "
                    + MAX_REFERENCE_DEPTH + " (the limit): " + where(path.getFirst()) + " → " + where(path.get(1)) + " → … → " + where(key));
        }
        path.add(key);
        Schedule s = switch (definition(key)) {
            case Schedule given -> given;
            case String text -> bind(key, text);
            default -> throw new IllegalStateException("definition of " + key);
        };
        path.removeLast();
        done.put(key, s);
        return s;
    }

    /** Core's binder, with the set's other hyperparameters as the names a spec may use. */
    private Schedule bind(Key key, String text) {
        String where = where(key) + (where(key).startsWith("defaults.") ? " (in group " + key.group() + ")" : "");
        try {
            return Spec.parse(text, total, new Scope() {
                @Override
                public Optional<Schedule> lookup(String name) {
                    Key target = target(key, name);
                    return own.containsKey(target.group()) && definition(target) != null ? Optional.of(schedule(target)) : Optional.empty();
                }

                @Override
                public String unknown(String name) {
                    Key target = target(key, name);
                    if (!own.containsKey(target.group())) {
                        return "'" + name + "' names group " + target.group() + ", which the set does not have (groups: "
                                + String.join(", ", own.keySet()) + ")";
                    }
                    return "'" + name + "' is not a hyperparameter of group " + target.group() + " (it has "
                            + String.join(", ", names(target.group())) + ")";
                }
            });
        } catch (ScheduleSetException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw ScheduleSetException.in(where, e);
        }
    }

    /** {@code lr} is the same group's, {@code head.lr} group head's. */
    private static Key target(Key from, String ref) {
        int dot = ref.indexOf('.');
        return dot < 0 ? new Key(from.group(), ref) : new Key(ref.substring(0, dot), ref.substring(dot + 1));
    }

    private static void checkName(String where, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new ScheduleSetException(where, "name (" + name + ") must be letters, digits and '_', not starting with a digit");
        }
    }
}
