package dev.anneal.lab;

/** Full runs for the report; reduced runs (fewer steps) for the test suite. */
public enum Mode {
    FULL, REDUCED;

    /** {@code full} in full mode, {@code reduced} in reduced mode. */
    public int pick(int full, int reduced) {
        return this == FULL ? full : reduced;
    }
}
