package dev.anneal.schedule;

/**
 * Bad input, as data: what is wrong ({@code name}, {@code value}, {@code rule}: "beta2 (1.5) must be in [0, 1)") and
 * where ({@link Where}: a key path in a schedule-set file, the step a schedule reached the value at, a column in a
 * spec's text). Layers add the place they know with {@link #at(String)} and {@link #atStep(long)} instead of
 * rewording the message; the CLI maps the type to exit code 2, and nothing reads the message back.
 */
public class InvalidInputException extends IllegalArgumentException {

    /**
     * Where the input is wrong. {@code keyPath} is null, {@code step} −1 and {@code column} 0 where unknown.
     *
     * @param keyPath {@code groups.head.beta2}, {@code defaults.lr}, {@code total}, with the file in front if known
     * @param step    the step at which a schedule's value broke the rule
     * @param column  the 1-based column in {@code text}
     */
    public record Where(String keyPath, long step, int column, String text) {
        public static final Where NOWHERE = new Where(null, -1, 0, null);
    }

    private final String name;
    private final transient Object value;
    private final String rule;
    private final Where where;

    /** {@code name (value) rule}; {@code name} is null for a rule about several settings (then {@code rule} says it all). */
    public InvalidInputException(String name, Object value, String rule, Where where) {
        this(name, value, rule, where, null);
    }

    protected InvalidInputException(String name, Object value, String rule, Where where, Throwable cause) {
        super(render(name, value, rule, where), cause);
        this.name = name;
        this.value = value;
        this.rule = rule;
        this.where = where;
    }

    /** {@code e} at another place, caused by {@code e}. */
    protected InvalidInputException(InvalidInputException e, Where where) {
        this(e.name, e.value, e.rule, where, e);
    }

    /** The value of an {@link #about} error: the rule names the setting and states everything itself. */
    private static final Object UNSTATED = new Object() {
        @Override
        public String toString() {
            return "";
        }
    };

    /**
     * An error blamed on the setting {@code name} whose {@code rule} is the whole message ("min_lr and min_lr_rate are
     * both set"): the parser points at that setting, the text reads as written.
     */
    public static InvalidInputException about(String name, String rule) {
        return new InvalidInputException(name, UNSTATED, rule, Where.NOWHERE);
    }

    /** A rule about several settings, with no single name and value. */
    public static InvalidInputException of(String rule) {
        return new InvalidInputException(null, null, rule, Where.NOWHERE);
    }

    /** As {@link #of(String)}, caused by an inner failure (a scheduler inside a composite raised). */
    public static InvalidInputException of(String rule, Throwable cause) {
        return new InvalidInputException(null, null, rule, Where.NOWHERE, cause);
    }

    /** The setting at fault (a parameter, a hyperparameter's key path, an option), or null. */
    public String name() {
        return name;
    }

    /** The value at fault; null for an {@link #about} error or a rule about several settings. */
    public Object value() {
        if (value == UNSTATED) return null;
        return value;
    }

    public String rule() {
        return rule;
    }

    public Where where() {
        return where;
    }

    /** What is wrong, without the key path in front: {@code name (value) rule}, or the rule. */
    public String reason() {
        return reason(name, value, rule);
    }

    private static String reason(String name, Object value, String rule) {
        return name == null || value == UNSTATED ? rule : name + " (" + Checks.format(value) + ") " + rule;
    }

    /** The message without the key path: what is wrong, at which step and column. */
    public String detail() {
        return render(name, value, rule, new Where(null, where.step(), where.column(), where.text()));
    }

    /** The same error under a key path ({@code file.yaml: groups.head.lr}); an inner path is kept behind it. */
    public InvalidInputException at(String keyPath) {
        String path = where.keyPath() == null ? keyPath : keyPath + ": " + where.keyPath();
        return new InvalidInputException(this, new Where(path, where.step(), where.column(), where.text()));
    }

    /** The same error at the step a schedule reached the value. */
    public InvalidInputException atStep(long step) {
        return new InvalidInputException(this, new Where(where.keyPath(), step, where.column(), where.text()));
    }

    /** Any bad-input exception as this type: its message becomes the rule. */
    public static InvalidInputException of(IllegalArgumentException e) {
        return e instanceof InvalidInputException i ? i : new InvalidInputException(null, null, e.getMessage(), Where.NOWHERE, e);
    }

    private static String render(String name, Object value, String rule, Where where) {
        StringBuilder b = new StringBuilder();
        if (where.keyPath() != null) b.append(where.keyPath()).append(": ");
        b.append(reason(name, value, rule));
        if (where.step() >= 0) b.append(" (step ").append(where.step()).append(')');
        if (where.column() > 0 && where.text() != null) {
            String line = where.text().replace('\n', ' ').replace('\t', ' ');
            int caret = where.column() - 1;
            // A long spec (a generated chain, say) is shown as a window of WINDOW characters around the column.
            if (line.length() > WINDOW) {
                int from = Math.max(0, Math.min(caret - WINDOW / 2, line.length() - WINDOW));
                int to = Math.min(line.length(), from + WINDOW);
                String shown = (from > 0 ? "…" : "") + line.substring(from, to) + (to < line.length() ? "…" : "");
                caret = caret - from + (from > 0 ? 1 : 0);
                line = shown;
            }
            b.append(" (column ").append(where.column()).append(")\n  ").append(line).append("\n  ").append(" ".repeat(Math.max(0, caret))).append('^');
        }
        return b.toString();
    }

    private static final int WINDOW = 100;
}
