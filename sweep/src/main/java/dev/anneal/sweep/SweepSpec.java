package dev.anneal.sweep;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sweep as its file gives it (see {@link SweepFile}): the run every trial starts from (task, optimizer, schedule-set
 * templates with {@code ${name}} placeholders, steps), the space over its parameters, the seeds and the strategy.
 * A space key is a placeholder of the schedules, {@code optimizer}, or {@code task.KEY}.
 *
 * @param every    a trial records its loss every {@code every} steps
 * @param retries  how many times a trial whose worker failed is run again before it is marked FAILED
 */
public record SweepSpec(String name, SortedMap<String, String> task, String optimizer, Map<String, String> schedules,
                        long steps, int every, Map<String, Domain> space, List<Long> seeds, Strategy strategy,
                        int retries) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.]*)}");

    public SweepSpec {
        task = new TreeMap<>(task);
        schedules = new LinkedHashMap<>(schedules);
        space = new LinkedHashMap<>(space);
        seeds = List.copyOf(seeds);
        if (steps < 1) throw new IllegalArgumentException("steps (" + steps + ") must be >= 1");
        if (every < 1) throw new IllegalArgumentException("every (" + every + ") must be >= 1");
        if (seeds.isEmpty()) throw new IllegalArgumentException("seeds must not be empty");
        if (retries < 0) throw new IllegalArgumentException("retries (" + retries + ") must be >= 0");
        if (!schedules.containsKey("lr")) throw new IllegalArgumentException("schedules must define lr");
        List<String> placeholders = new ArrayList<>();
        schedules.values().forEach(t -> placeholders.addAll(placeholders(t)));
        for (String p : placeholders) {
            if (!space.containsKey(p)) throw new IllegalArgumentException("schedules use ${" + p + "}, which the space does not define");
        }
        for (String key : space.keySet()) {
            if (!placeholders.contains(key) && !key.equals("optimizer") && !key.startsWith("task.")) {
                throw new IllegalArgumentException("space." + key + " is neither a placeholder of the schedules, nor optimizer, nor task.KEY");
            }
        }
        if (strategy instanceof Strategy.Pbt) {
            for (var e : space.entrySet()) {
                if (!placeholders.contains(e.getKey()) || !(e.getValue() instanceof Domain.Span)) {
                    throw new IllegalArgumentException("space." + e.getKey() + ": PBT perturbs numeric ranges used as placeholders of the schedules only");
                }
            }
        }
    }

    /** The placeholders of a template, in order. */
    static List<String> placeholders(String template) {
        List<String> out = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    /** {@code template} with every placeholder replaced by its value in {@code values}. */
    static String fill(String template, Map<String, String> values) {
        return PLACEHOLDER.matcher(template).replaceAll(m -> Matcher.quoteReplacement(values.get(m.group(1))));
    }

    /** The run of one configuration (parameter → value text) and seed. */
    public Setup setup(SortedMap<String, String> params, long seed) {
        SortedMap<String, String> t = new TreeMap<>(task);
        params.forEach((k, v) -> { if (k.startsWith("task.")) t.put(k.substring(5), v); });
        Map<String, String> s = new LinkedHashMap<>();
        schedules.forEach((k, v) -> s.put(k, fill(v, params)));
        return new Setup(t, params.getOrDefault("optimizer", optimizer), s, steps, every, seed);
    }

    /** The file's own task and optimizer on its first seed, for a replay under a schedule set given whole. */
    public Setup base() {
        return new Setup(task, optimizer, Map.of(), steps, every, seeds.getFirst());
    }

    /** The sweep's id: a hash of everything that decides its trials, so that the same file finds the same sweep. */
    public String id() {
        return hash("sweep " + name + "|" + task + "|" + optimizer + "|" + schedules + "|" + steps + "|" + every + "|"
                + space + "|" + seeds + "|" + describe(strategy));
    }

    static String describe(Strategy s) {
        return s instanceof Strategy.Pbt p
                ? "Pbt[" + p.population() + "," + p.interval() + "," + p.quantile() + "," + java.util.Arrays.toString(p.perturb()) + "," + p.seed() + "]"
                : s.toString();
    }

    /** The first 32 hex digits of SHA-256: a run id the store takes. */
    static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
