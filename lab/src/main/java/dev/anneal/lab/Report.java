package dev.anneal.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes a run's report: {@code index.html} with one figure per study, and {@code results.json}. */
public final class Report {
    private Report() {}

    public static void write(List<Result> results, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Result r : results)
            if (r.table().isPresent()) Charts.png(r.study().figure(), r.curves(), dir.resolve(figureName(r)));
        Files.writeString(dir.resolve("index.html"), html(results));
        Json.write(results, dir.resolve("results.json"));
    }

    static String figureName(Result r) {
        return r.study().id().toLowerCase(Locale.ROOT) + ".png";
    }

    static String html(List<Result> results) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Anneal lab</title>\n<style>")
                .append("body{font-family:sans-serif;max-width:1000px;margin:2em auto;line-height:1.4}")
                .append("table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left}")
                .append("td.n{text-align:right;font-family:monospace}.REPRODUCED{background:#d4f4d4}.NOT_REPRODUCED{background:#f8d0d0}")
                .append(".INCONCLUSIVE{background:#f4ecc4}.ERROR{background:#ddd}section{border-top:2px solid #888;margin-top:2em}")
                .append("img{max-width:100%}.small{color:#555;font-size:90%}</style></head><body>\n");
        b.append("<h1>Anneal lab</h1>\n<p>Each study tests one claim of the seed chapters on a toy task with known structure. ")
                .append("Each arm's metric is given as mean ± standard error over the seeds; the verdict comes from a rule fixed in the study's code.</p>\n");
        summary(b, results);
        for (Result r : results) section(b, r);
        return b.append("</body></html>\n").toString();
    }

    private static void summary(StringBuilder b, List<Result> results) {
        long[] count = new long[4];
        for (Result r : results) count[r.judgement().map(j -> j.verdict().ordinal()).orElse(3)]++;
        b.append("<p>").append(results.size()).append(" studies: ").append(count[0]).append(" reproduced, ").append(count[1])
                .append(" not reproduced, ").append(count[2]).append(" inconclusive").append(count[3] > 0 ? ", " + count[3] + " failed" : "")
                .append(".</p>\n<table><tr><th>id</th><th>study</th><th>seed</th><th>verdict</th><th>seeds</th><th>time</th></tr>\n");
        for (Result r : results) {
            String cls = cssClass(r);
            b.append("<tr><td><a href=\"#").append(r.study().id()).append("\">").append(r.study().id()).append("</a></td><td>")
                    .append(esc(r.study().title())).append("</td><td>").append(r.study().source()).append("</td><td class=\"").append(cls)
                    .append("\">").append(r.status()).append("</td><td class=\"n\">").append(r.seeds()).append("</td><td class=\"n\">")
                    .append(String.format(Locale.ROOT, "%.1f s", r.millis() / 1000.0)).append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    private static void section(StringBuilder b, Result r) {
        Study s = r.study();
        b.append("<section id=\"").append(s.id()).append("\"><h2>").append(s.id()).append(" · ").append(esc(s.title())).append("</h2>\n")
                .append("<p><b>Claim</b> (seed chapter ").append(s.source()).append("): ").append(esc(s.claim())).append("</p>\n")
                .append("<p><b>Setup</b>: ").append(esc(s.setup(r.mode()))).append(" Seeds 0…").append(r.seeds() - 1)
                .append(r.mode() == Mode.REDUCED ? " (reduced mode)" : "").append(".</p>\n")
                .append("<p><b>Metric</b>: ").append(esc(s.metric())).append("</p>\n");
        r.table().ifPresent(t -> {
            b.append("<table><tr><th>arm</th><th>mean ± SE</th><th>min</th><th>max</th></tr>\n");
            for (Arm a : t.arms()) {
                double[] v = a.values();
                double min = java.util.Arrays.stream(v).min().orElseThrow(), max = java.util.Arrays.stream(v).max().orElseThrow();
                b.append("<tr><td>").append(esc(a.name())).append("</td><td class=\"n\">").append(Format.pm(a.mean(), a.se()))
                        .append("</td><td class=\"n\">").append(Format.num(min)).append("</td><td class=\"n\">").append(Format.num(max)).append("</td></tr>\n");
            }
            b.append("</table>\n<img src=\"").append(figureName(r)).append("\" alt=\"").append(esc(s.figure().title())).append("\">\n");
        });
        b.append("<p class=\"").append(cssClass(r)).append("\"><b>Verdict: ").append(r.status()).append("</b> — ")
                .append(esc(r.judgement().map(Judgement::reason).orElseGet(() -> r.error().orElse("")))).append("</p>\n")
                .append("<p class=\"small\">Rule: ").append(esc(s.rule().describe())).append("</p></section>\n");
    }

    private static String cssClass(Result r) {
        return r.judgement().map(j -> j.verdict().name()).orElse("ERROR");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
