package dev.anneal.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

/** Runs {@link Main#run} in-process and captures what it printed. */
record Cli(int code, String out, String err) {

    static Cli run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code;
        try (PrintWriter o = new PrintWriter(out, true); PrintWriter e = new PrintWriter(err, true)) {
            code = Main.run(o, e, args);
        }
        return new Cli(code, out.toString(), err.toString());
    }

    /** The non-empty lines of stdout. */
    List<String> lines() {
        return Arrays.stream(out.split("\\R")).filter(l -> !l.isEmpty()).toList();
    }

    @Override
    public String toString() {
        return "exit " + code + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }
}
