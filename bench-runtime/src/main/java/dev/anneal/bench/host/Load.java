package dev.anneal.bench.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load average, printed with every benchmark's figures: on a shared machine they depend on it. */
public final class Load {
    private Load() {}

    /** The 1-, 5- and 15-minute load averages from {@code /proc/loadavg}, e.g. {@code 1.33 1.07 1.06}, or {@code unknown}. */
    public static String now() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "unknown";
        }
    }
}
