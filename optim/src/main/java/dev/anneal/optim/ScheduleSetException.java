package dev.anneal.optim;

import dev.anneal.schedule.InvalidInputException;

/**
 * A schedule set that cannot be built: core's {@link InvalidInputException} whose {@link #path()} is the key the
 * error is about. The message starts with it, e.g. {@code groups.head.momentum: …}.
 */
public final class ScheduleSetException extends InvalidInputException {

    public ScheduleSetException(String path, String reason) {
        super(null, null, reason, new Where(path, -1, 0, null));
    }

    private ScheduleSetException(InvalidInputException e, Where where) {
        super(e.name(), e.value(), e.rule(), where, e);
    }

    /** {@code e} (a spec's error, a value's) as an error of the definition at {@code path}. */
    static ScheduleSetException in(String path, IllegalArgumentException e) {
        InvalidInputException i = InvalidInputException.of(e);
        Where w = i.where();
        return new ScheduleSetException(i, new Where(w.keyPath() == null ? path : path + ": " + w.keyPath(), w.step(), w.column(), w.text()));
    }

    /** The key the error is about: {@code groups.head.momentum}, {@code defaults.lr}, {@code total}. */
    public String path() {
        return where().keyPath();
    }

    /** The same error under a file or an option: {@code set.yaml: groups.head.lr}. */
    @Override
    public ScheduleSetException at(String outer) {
        Where w = where();
        return new ScheduleSetException(this, new Where(outer + ": " + w.keyPath(), w.step(), w.column(), w.text()));
    }
}
