package dev.anneal.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A fenced block of a Markdown page, and the rules that check it against the code:
 * <ul>
 *   <li>a <em>session</em> ({@code $ ./anneal ARGS} or {@code $ anneal ARGS} lines, each followed by the output it prints) runs every command
 *       in-process; {@code $ echo $?} checks the exit code; the output (stdout, then stderr) must match line for line, where a line {@code …} (or {@code ...}) stands for
 *       any number of lines and {@code …} inside a line for any text (a run id, a path);</li>
 *   <li><em>commands</em> without output (lines {@code ./anneal ARGS}; other lines, such as {@code ./run-tests}, are not read) must parse: the command and its options exist;</li>
 *   <li>a <em>Java</em> block is an excerpt of a source file the build compiles, named by the marker
 *       {@code <!-- doc-test: excerpt PATH -->} before it: its lines, without trailing comments, occur in that file in
 *       order (comment lines, such as {@code // …}, are the docs' own);</li>
 *   <li>the marker {@code <!-- doc-test: skip (REASON) -->} before a block exempts it, for output that depends on the
 *       CPU, timing or randomness, or a command too expensive for the suite (training, the full lab); its
 *       {@code ./anneal} commands must still parse.</li>
 * </ul>
 * Progress bars on stderr are dropped. Files a command writes ({@code -o}, {@code --figure}, {@code --trace}, {@code --decisions}, {@code --checkpoint}) go to a temporary folder,
 * and that folder's path reads back as the relative path the docs show.
 */
record DocBlock(Path file, int line, Kind kind, List<String> body, String skip, String excerpt) {
    enum Kind { SESSION, COMMANDS, JAVA, OTHER }

    private static final Pattern FENCE = Pattern.compile("^\\s*```\\s*(\\w*).*$");
    private static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*doc-test:\\s*(skip|excerpt)\\s+(.*?)\\s*-->\\s*$");
    private static final Set<String> OUTPUTS = Set.of("-o", "--output", "--figure", "--trace", "--decisions", "--checkpoint");
    static final String ELISION = "…";
    /** A progress bar's line on stderr (a terminal redraws it in place; the docs do not show it). */
    private static final Pattern PROGRESS = Pattern.compile("^\\[[# ]+] \\d+/\\d+ .*$");

    static List<DocBlock> parse(Path root, Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<DocBlock> blocks = new ArrayList<>();
        String marker = null, markerKind = null;
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            Matcher m = MARKER.matcher(text), fence = FENCE.matcher(text);
            if (m.matches()) {
                markerKind = m.group(1);
                marker = m.group(2);
            } else if (fence.matches()) {
                int start = i;
                String indent = text.substring(0, text.indexOf('`'));
                List<String> body = new ArrayList<>();
                for (i++; i < lines.size() && !lines.get(i).trim().startsWith("```"); i++) {
                    String l = lines.get(i);
                    l = l.startsWith(indent) ? l.substring(indent.length()) : l.strip();
                    boolean continued = !body.isEmpty() && body.getLast().startsWith("$ ") && body.getLast().endsWith("\\");
                    if (continued) body.set(body.size() - 1, body.getLast().substring(0, body.getLast().length() - 1) + l.strip());
                    else body.add(l);
                }
                blocks.add(new DocBlock(root.relativize(file), start + 1, kindOf(fence.group(1), body), body,
                        "skip".equals(markerKind) ? marker : null, "excerpt".equals(markerKind) ? marker : null));
                marker = markerKind = null;
            } else if (!text.isBlank()) {
                marker = markerKind = null;
            }
        }
        return blocks;
    }

    private static Kind kindOf(String language, List<String> body) {
        if (language.equals("java")) return Kind.JAVA;
        String first = body.stream().filter(l -> !l.isBlank()).findFirst().orElse("");
        if (first.startsWith("$ ./anneal ") || first.startsWith("$ anneal ")) return Kind.SESSION;
        if (body.stream().anyMatch(l -> l.startsWith("./anneal "))) return Kind.COMMANDS;
        return Kind.OTHER;
    }

    String where() {
        return file + ":" + line;
    }

    /** Runs a session's commands (or parses a list of commands) and compares. */
    void check(Path work) {
        if (kind == Kind.COMMANDS) {
            for (String command : body) if (command.startsWith("./anneal ")) parses(command);
            return;
        }
        List<String> expected = null;
        String command = null;
        int code = -1;
        for (String l : body) {
            if (l.startsWith("$ ")) {
                if (command != null) code = compare(command, expected, code, work);
                command = l.substring(2);
                expected = new ArrayList<>();
            } else {
                expected.add(l);
            }
        }
        compare(command, expected, code, work);
    }

    /** A skipped session's {@code ./anneal} commands (those without pipes) must still parse. */
    void parsesOnly() {
        for (String l : body) {
            if ((l.startsWith("$ ./anneal ") || l.startsWith("$ anneal ")) && !shellSyntax(words(l.substring(2)))) parses(l.substring(2));
        }
    }

    private void parses(String command) {
        List<String> args = args(command);
        try {
            new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).setExpandAtFiles(false)
                    .parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            fail(where() + ": `" + command + "` does not parse: " + e.getMessage());
        }
    }

    /** Runs one command (or {@code echo $?}, the previous command's exit code) and compares; returns its exit code. */
    private int compare(String command, List<String> expected, int previousCode, Path work) {
        if (command.strip().equals("echo $?")) {
            assertThat(String.join("\n", expected).strip()).as(where() + ": exit code").isEqualTo(Integer.toString(previousCode));
            return previousCode;
        }
        String[] args = args(command).toArray(String[]::new);
        for (int i = 0; i + 1 < args.length; i++) {
            if (OUTPUTS.contains(args[i])) args[i + 1] = work.resolve(args[i + 1]).toString();
        }
        Cli run = Cli.run(args);
        String prefix = work + "/";
        List<String> actual = new ArrayList<>();
        for (String stream : List.of(run.out(), run.err())) {
            if (stream.isEmpty()) continue;
            String text = stream.replace(prefix, "");
            if (text.endsWith("\n")) text = text.substring(0, text.length() - 1);
            for (String l : text.split("\\R", -1)) if (!PROGRESS.matcher(l).matches()) actual.add(l.stripTrailing());
        }
        List<String> want = new ArrayList<>(expected.stream().map(String::stripTrailing).toList());
        trimTrailingBlanks(actual);
        trimTrailingBlanks(want);
        if (!matches(want, actual)) {
            fail(where() + ": `" + command + "` printed\n" + String.join("\n", actual)
                    + "\n--- but the docs show ---\n" + String.join("\n", want));
        }
        return run.code();
    }

    /** A Java block's lines occur, in order and trimmed, in the source file its marker names. */
    void checkExcerpt(Path root) {
        assertThat(excerpt).as(where() + ": a Java block needs <!-- doc-test: excerpt PATH --> or a skip marker").isNotNull();
        Path source = root.resolve(excerpt);
        assertThat(source).as(where()).exists();
        assertThat(excerpt).as(where() + ": the excerpt's file is compiled by the build").matches("(\\w+/src/(main|test)/java|examples/src/main/java)/.+\\.java");
        List<String> code;
        try {
            code = Files.readAllLines(source).stream().map(String::strip).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int at = 0;
        for (String l : body) {
            String want = withoutComment(l);
            if (want.isEmpty() || isElision(want)) continue;
            while (at < code.size() && !lineMatches(want, withoutComment(code.get(at)))) at++;
            if (at == code.size()) fail(where() + ": not found in " + excerpt + " (in order): " + want);
            at++;
        }
    }

    /** A line of Java without its trailing {@code // comment} (the docs may annotate), stripped. */
    private static String withoutComment(String line) {
        int comment = line.indexOf("//");
        while (comment >= 0 && line.substring(0, comment).chars().filter(c -> c == '"').count() % 2 == 1) comment = line.indexOf("//", comment + 2);
        return (comment < 0 ? line : line.substring(0, comment)).strip();
    }

    /** Whether {@code actual} matches {@code expected} line by line, with {@link #ELISION} as described above. */
    static boolean matches(List<String> expected, List<String> actual) {
        return matches(expected, 0, actual, 0);
    }

    private static boolean matches(List<String> e, int i, List<String> a, int j) {
        if (i == e.size()) return j == a.size();
        if (isElision(e.get(i))) {
            for (int k = j; k <= a.size(); k++) if (matches(e, i + 1, a, k)) return true;
            return false;
        }
        return j < a.size() && lineMatches(e.get(i), a.get(j)) && matches(e, i + 1, a, j + 1);
    }

    private static boolean isElision(String line) {
        return line.strip().equals(ELISION) || line.strip().equals("...");
    }

    private static boolean lineMatches(String expected, String actual) {
        if (!expected.contains(ELISION)) return expected.equals(actual);
        String regex = Arrays.stream(expected.split(ELISION, -1)).map(Pattern::quote)
                .reduce((x, y) -> x + ".*" + y).orElseThrow();
        return actual.matches(regex);
    }

    private static void trimTrailingBlanks(List<String> lines) {
        while (!lines.isEmpty() && lines.getLast().isBlank()) lines.removeLast();
    }

    /** The arguments of {@code ./anneal ARGS [# comment]}. */
    private static List<String> args(String command) {
        List<String> words = words(command);
        assertThat(words).as("`%s`: a session runs ./anneal and `echo $?` only; mark others <!-- doc-test: skip (REASON) -->", command)
                .isNotEmpty().first().isIn("./anneal", "anneal");
        assertThat(shellSyntax(words)).as("`%s`: pipes, redirections and jobs need a skip marker", command).isFalse();
        return words.subList(1, words.size());
    }

    private static boolean shellSyntax(List<String> words) {
        return words.stream().anyMatch(w -> Set.of("|", ">", "&", "&&", ";").contains(w));
    }

    /** Splits a command line as a POSIX shell would (quotes, backslash escapes), up to an unquoted comment. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else if (c == '\\' && quote == '"' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) word.append(line.charAt(++i));
                else word.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                if (word == null) word = new StringBuilder();
            } else if (c == '\\' && i + 1 < line.length()) {
                if (word == null) word = new StringBuilder();
                word.append(line.charAt(++i));
            } else if (Character.isWhitespace(c)) {
                if (word != null) words.add(word.toString());
                word = null;
            } else if (c == '#' && word == null) {
                break;
            } else {
                if (word == null) word = new StringBuilder();
                word.append(c);
            }
        }
        if (quote != 0) throw new IllegalArgumentException("unclosed quote in: " + line);
        if (word != null) words.add(word.toString());
        return words;
    }
}
