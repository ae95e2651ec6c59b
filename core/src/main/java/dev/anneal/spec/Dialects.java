package dev.anneal.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/** The dialects found by {@link ServiceLoader} when first asked for, checked once: prefixes unique, names prefixed. */
public final class Dialects {
    private Dialects() {}

    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]*");

    /** Loaded on first use, so that a dialect's own classes can parse specs while they are being built. */
    private static final class Loaded {
        static final Map<String, Dialect> BY_PREFIX = load();
    }

    /** Every dialect, in the order the service loader found them. */
    public static List<Dialect> all() {
        return List.copyOf(Loaded.BY_PREFIX.values());
    }

    /** The dialect with this prefix. */
    public static Optional<Dialect> find(String prefix) {
        return Optional.ofNullable(Loaded.BY_PREFIX.get(prefix));
    }

    private static Map<String, Dialect> load() {
        Map<String, Dialect> byPrefix = new LinkedHashMap<>();
        for (Dialect d : ServiceLoader.load(Dialect.class, Dialects.class.getClassLoader())) {
            String prefix = d.prefix();
            if (prefix == null || !PREFIX.matcher(prefix).matches()) {
                throw new IllegalStateException(d.getClass().getName() + ": dialect prefix (" + prefix
                        + ") must be a lower-case word");
            }
            if (prefix.equals("native")) {
                throw new IllegalStateException(d.getClass().getName() + ": 'native' names the native language, not a dialect");
            }
            Dialect earlier = byPrefix.putIfAbsent(prefix, d);
            if (earlier != null) {
                throw new IllegalStateException("dialect prefix '" + prefix + "' is claimed twice: by "
                        + earlier.getClass().getName() + " and by " + d.getClass().getName());
            }
            for (Family f : d.families()) {
                if (!f.name().startsWith(prefix + ".")) {
                    throw new IllegalStateException("dialect " + prefix + ": family " + f.name() + " must start with '" + prefix + ".'");
                }
            }
        }
        return byPrefix;
    }
}
