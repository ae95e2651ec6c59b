package dev.anneal.analysis;

/** Consecutive steps first..last (inclusive). */
public record StepRun(long first, long last) {
    public long length() {
        return last - first + 1;
    }

    @Override
    public String toString() {
        return first == last ? Long.toString(first) : first + "–" + last;
    }
}
