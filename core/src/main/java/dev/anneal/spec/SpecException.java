package dev.anneal.spec;

/**
 * A spec that cannot be read or built. The message states the reason and, where the problem has a place in the
 * text, shows the text with a caret under that column (1-based).
 */
public final class SpecException extends IllegalArgumentException {
    private final String reason;
    private final String text;
    private final int column;

    public SpecException(String reason, String text, int column) {
        super(render(reason, text, column));
        this.reason = reason;
        this.text = text;
        this.column = column;
    }

    /** What is wrong, without the position. */
    public String reason() {
        return reason;
    }

    public String text() {
        return text;
    }

    /** The 1-based column the error points at, or 0 when it has no place in the text. */
    public int column() {
        return column;
    }

    private static String render(String reason, String text, int column) {
        if (column <= 0 || text == null) return reason;
        String line = text.replace('\n', ' ').replace('\t', ' ');
        return reason + " (column " + column + ")\n  " + line + "\n  " + " ".repeat(column - 1) + "^";
    }
}
