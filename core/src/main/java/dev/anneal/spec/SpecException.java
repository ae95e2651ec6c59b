package dev.anneal.spec;

/**
 * A spec that cannot be read or built. The message states the reason and, where the problem has a place in the
 * text, shows the text with a caret under that column (1-based).
 */
public final class SpecException extends IllegalArgumentException {
    private static final int WINDOW = 100;

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
        int caret = column - 1;
        // A long spec (a generated chain, say) is shown as a window of 100 characters around the column.
        if (line.length() > WINDOW) {
            int from = Math.max(0, Math.min(caret - WINDOW / 2, line.length() - WINDOW));
            int to = Math.min(line.length(), from + WINDOW);
            String shown = (from > 0 ? "…" : "") + line.substring(from, to) + (to < line.length() ? "…" : "");
            caret = caret - from + (from > 0 ? 1 : 0);
            line = shown;
        }
        return reason + " (column " + column + ")\n  " + line + "\n  " + " ".repeat(Math.max(0, caret)) + "^";
    }
}
