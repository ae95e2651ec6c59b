package dev.anneal.bench;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a benchmark command in-process, as {@code anneal bench …} does, and captures what it printed. Its exit code
 * follows the cli's contract (tested there, in BenchCommandTest): 2 for a bad option (picocli's parameter errors
 * and {@link IllegalArgumentException}), 0 when it finishes; anything else is thrown to the test.
 */
public record CommandRun(int code, String out, String err) {

    public static CommandRun of(Object command, String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code;
        try (PrintWriter o = new PrintWriter(out, true); PrintWriter e = new PrintWriter(err, true)) {
            code = new CommandLine(command).setOut(o).setErr(e)
                    .setParameterExceptionHandler((ex, a) -> {
                        e.println("anneal: " + ex.getMessage());
                        return 2;
                    })
                    .setExecutionExceptionHandler((ex, c, p) -> {
                        if (!(ex instanceof IllegalArgumentException)) throw ex;
                        e.println("anneal: " + ex.getMessage());
                        return 2;
                    })
                    .execute(args);
        }
        return new CommandRun(code, out.toString(), err.toString());
    }

    /** The non-empty lines of stdout. */
    public List<String> lines() {
        return Arrays.stream(out.split("\\R")).filter(l -> !l.isEmpty()).toList();
    }

    @Override
    public String toString() {
        return "exit " + code + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }
}
