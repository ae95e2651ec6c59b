package dev.anneal.spec;

import dev.anneal.schedule.InvalidInputException;

/**
 * A spec that cannot be read or built: core's {@link InvalidInputException} placed at a column of the spec's text.
 * The message states the reason and, where the problem has a place in the text, shows the text with a caret under
 * that column (1-based).
 */
public final class SpecException extends InvalidInputException {

    public SpecException(String reason, String text, int column) {
        super(null, null, reason, new Where(null, -1, column, text));
    }

    /** {@code e}'s name, value and rule, placed at {@code column} of {@code text}. */
    SpecException(InvalidInputException e, String text, int column) {
        super(e, new Where(e.where().keyPath(), e.where().step(), column, text));
    }

    public String text() {
        return where().text();
    }

    /** The 1-based column the error points at, or 0 when it has no place in the text. */
    public int column() {
        return where().column();
    }
}
