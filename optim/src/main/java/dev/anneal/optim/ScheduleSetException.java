package dev.anneal.optim;

/** A schedule set that cannot be built; the message starts with the key path, e.g. {@code groups.head.momentum: …}. */
public final class ScheduleSetException extends IllegalArgumentException {
    private final String path;

    public ScheduleSetException(String path, String reason) {
        super(path + ": " + reason);
        this.path = path;
    }

    /** The key the error is about: {@code groups.head.momentum}, {@code defaults.lr}, {@code total}. */
    public String path() {
        return path;
    }
}
