package dev.anneal.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How runs' times and values are written in tables. */
final class RunText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private RunText() {}

    static String time(Instant t) {
        return t == null ? "-" : TIME.format(t);
    }

    /** 0.4s, 12s, 3m05s, 2h10m. */
    static String duration(Duration d) {
        long s = d.toSeconds();
        if (s < 10) return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
        if (s < 60) return s + "s";
        if (s < 3600) return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
    }

    /** A value with six significant digits; NaN and infinities by name. */
    static String value(double v) {
        if (!Double.isFinite(v)) return Double.toString(v);
        return String.format(Locale.ROOT, "%.6g", v).replaceFirst("(\\.\\d*?)0+(e|$)", "$1$2").replaceFirst("\\.(e|$)", "$1");
    }
}
