package dev.anneal.lab;

import java.util.Locale;

/** Numbers as the report prints them. */
public final class Format {
    private Format() {}

    /** Four significant digits, in scientific notation outside [1e-3, 1e5). */
    public static String num(double v) {
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e5) return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
        return String.format(Locale.ROOT, "%.3e", v);
    }

    public static String pm(double mean, double se) {
        return num(mean) + " ± " + num(se);
    }
}
