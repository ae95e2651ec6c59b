package dev.anneal.web;

import io.javalin.http.Context;

/** Query parameters read with bounds; a bad one is a 400 naming the parameter, the value and the rule. */
final class Params {
    private Params() {}

    static String text(Context ctx, String name, String fallback) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    static int integer(Context ctx, String name, int fallback, int min, int max) {
        return (int) whole(ctx, name, fallback, min, max);
    }

    static long whole(Context ctx, String name, long fallback, long min, long max) {
        String v = text(ctx, name, null);
        if (v == null) return fallback;
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " (" + shown(v) + ") must be a whole number");
        }
        if (n < min || n > max) throw ApiException.badRequest(name + " (" + n + ") must be in [" + min + ", " + max + "]");
        return n;
    }

    /** A number > 0 and finite, or {@code fallback} (NaN: none) when absent. */
    static double positive(Context ctx, String name, double fallback) {
        String v = text(ctx, name, null);
        if (v == null) return fallback;
        double x;
        try {
            x = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " (" + shown(v) + ") must be a number");
        }
        if (!(x > 0) || Double.isInfinite(x)) throw ApiException.badRequest(name + " (" + v + ") must be > 0 and finite");
        return x;
    }

    /** A value quoted in a message: cut short, so that a huge parameter does not come back whole. */
    static String shown(String v) {
        return v.length() <= 80 ? v : v.substring(0, 77) + "...";
    }
}
