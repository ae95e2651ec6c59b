package dev.anneal.spec;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean" for misspelt names, by edit distance. */
final class Names {
    private Names() {}

    /** {@code " (did you mean 'cosine'?)"} when a known name is close enough, else "". */
    static String suggestion(String name, Collection<String> known) {
        return nearest(name, known).map(best -> " (did you mean '" + best + "'?)").orElse("");
    }

    /** The known name closest to {@code name}, if it is close enough to be a likely misspelling. */
    static Optional<String> nearest(String name, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(name.toLowerCase(), candidate.toLowerCase());
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        int allowed = Math.max(2, name.length() / 3);
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1], current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
