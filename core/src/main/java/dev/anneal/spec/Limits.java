package dev.anneal.spec;

/**
 * Bounds on spec text, so that hostile input fails fast with a clear error instead of exhausting the stack, the
 * heap or the clock. Each is far beyond any hand-written spec; docs/robustness.md explains them.
 */
public final class Limits {
    private Limits() {}

    /** Characters in one spec. */
    public static final int LENGTH = 1_000_000;
    /** Nesting levels: calls, brackets and '*' factors each count one. */
    public static final int DEPTH = 100;
    /** Schedules joined by one 'then' chain (the shortest piece that ends, linear(0,1,1), fits this many in LENGTH). */
    public static final int PIECES = 50_000;
    /** Characters in one number literal. */
    public static final int NUMBER_LENGTH = 100;
    /** Digits in a number's exponent: a double's own exponents have at most 3. */
    public static final int EXPONENT_DIGITS = 3;
}
