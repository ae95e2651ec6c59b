package dev.anneal.analysis;

/**
 * Σ_{t≥0} ηₜ^power to infinity: finite (with its value when a closed form gives it, else NaN), infinite, or
 * unknown; {@code reason} states the formula or the argument.
 */
public record Tail(Kind kind, double value, String reason) {

    public enum Kind { FINITE, INFINITE, UNKNOWN }

    static Tail finite(double value, String reason) {
        return new Tail(Kind.FINITE, value, reason);
    }

    static Tail infinite(String reason) {
        return new Tail(Kind.INFINITE, Double.POSITIVE_INFINITY, reason);
    }

    static Tail unknown(String reason) {
        return new Tail(Kind.UNKNOWN, Double.NaN, reason);
    }

    public boolean isFinite() {
        return kind == Kind.FINITE;
    }

    /** This tail with {@code head} added (NaN when the head is unknown) and the reason extended. */
    Tail plus(double head, String why) {
        String reason = why + "; " + this.reason;
        return switch (kind) {
            case FINITE -> finite(value + head, reason);
            case INFINITE -> infinite(reason);
            case UNKNOWN -> unknown(reason);
        };
    }

    Tail times(double factor, String why) {
        if (factor == 0) return finite(0, why + " (factor 0)");
        return switch (kind) {
            case FINITE -> finite(value * factor, why + "; " + reason);
            case INFINITE -> infinite(why + "; " + reason);
            case UNKNOWN -> unknown(why + "; " + reason);
        };
    }
}
