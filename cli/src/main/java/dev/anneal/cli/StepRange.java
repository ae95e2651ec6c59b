package dev.anneal.cli;

import java.util.stream.LongStream;

/** The {@code --steps} option: {@code A:B} (half-open) or a comma-separated list of steps. */
record StepRange(long[] explicit, long from, long to) {

    static StepRange parse(String text) {
        String t = text.strip();
        try {
            if (t.contains(":")) {
                String[] parts = t.split(":", -1);
                if (parts.length != 2) throw invalid(text);
                long from = Long.parseLong(parts[0].strip()), to = Long.parseLong(parts[1].strip());
                if (from < 0) throw new IllegalArgumentException("--steps (" + text + ") must start at a step >= 0");
                if (to <= from) throw new IllegalArgumentException("--steps (" + text + ") must have A < B in A:B");
                return new StepRange(null, from, to);
            }
            String[] parts = t.split(",", -1);
            long[] steps = new long[parts.length];
            for (int i = 0; i < parts.length; i++) {
                if (parts[i].isBlank()) throw invalid(text);
                steps[i] = Long.parseLong(parts[i].strip());
                if (steps[i] < 0) throw new IllegalArgumentException("--steps (" + text + ") has a negative step " + steps[i] + "; steps must be >= 0");
            }
            return new StepRange(steps, 0, 0);
        } catch (NumberFormatException e) {
            throw invalid(text);
        }
    }

    static StepRange upTo(long endExclusive) {
        return new StepRange(null, 0, endExclusive);
    }

    LongStream steps() {
        return explicit != null ? LongStream.of(explicit) : LongStream.range(from, to);
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("--steps (" + text + ") must be A:B (half-open, e.g. 0:100) or a list of steps (e.g. 0,10,100)");
    }
}
