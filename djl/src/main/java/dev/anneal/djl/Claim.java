package dev.anneal.djl;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The DJL parameters a schedule-set group takes: glob patterns ({@code *} any run of characters, {@code ?} one)
 * over a parameter's path in the block, such as {@code 01Linear_weight} or {@code 05Linear_bias}. A parameter goes
 * to the first claim with a matching pattern.
 */
public record Claim(String group, List<String> patterns) {
    public Claim {
        if (group == null || group.isBlank()) throw new IllegalArgumentException("group (" + group + ") must not be blank");
        patterns = List.copyOf(patterns);
        if (patterns.isEmpty()) throw new IllegalArgumentException("group " + group + ": patterns (none) must include at least one");
    }

    public static Claim of(String group, String... patterns) {
        return new Claim(group, List.of(patterns));
    }

    public boolean matches(String path) {
        for (String p : patterns) if (glob(p).matcher(path).matches()) return true;
        return false;
    }

    @Override
    public String toString() {
        return group + " " + String.join("|", patterns);
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
