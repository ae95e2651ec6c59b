package dev.anneal.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes a run's report: {@code index.html} with one figure per study, and {@code results.json}. */
public final class Report {
    private Report() {}

    public static void write(List<Result> results, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Result r : results)
            if (r.table().isPresent()) Charts.png(r.study().figure(), r.curves(), r.bands(), dir.resolve(figureName(r)));
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
                .append("Each arm's metric is given as mean ± standard error over the seeds; arms share their seeds and are compared seed by seed; the verdict comes from a rule fixed in the study's code.</p>\n");
        summary(b, results);
        for (Result r : results) section(b, r);
        return b.append("</body></html>\n").toString();
    }

    /**
     * The verdicts counted apart by kind of evidence, one line per kind that occurs: {@code experiment: 9 reproduced,
     * 6 not reproduced, 3 inconclusive}. Identities are never counted with experiments.
     */
    public static List<String> counts(List<Result> results) {
        List<String> lines = new ArrayList<>();
        for (Evidence kind : Evidence.values()) {
            List<Result> ofKind = results.stream().filter(r -> r.study().evidence() == kind).toList();
            if (ofKind.isEmpty()) continue;
            long[] count = new long[4];
            for (Result r : ofKind) count[r.judgement().map(j -> j.verdict().ordinal()).orElse(3)]++;
            lines.add(kind.label() + ": " + ofKind.size() + (ofKind.size() == 1 ? " study" : " studies") + ", " + count[0] + " reproduced, "
                    + count[1] + " not reproduced, " + count[2] + " inconclusive" + (count[3] > 0 ? ", " + count[3] + " failed" : ""));
        }
        return lines;
    }

    /** One line per study for a terminal or a Markdown page: id, kind, verdict, the previous verdict while it differs, title. */
    public static String line(Result r) {
        return String.format(Locale.ROOT, "%-4s %-22s %-15s %-20s %s", r.study().id(), r.study().evidence().label(), r.status(),
                r.changed().map(p -> "(was " + p.verdict().label() + ")").orElse(""), r.study().title());
    }

    private static void summary(StringBuilder b, List<Result> results) {
        b.append("<p>").append(results.size()).append(" studies, verdicts counted apart by kind of evidence:</p>\n<ul>");
        for (String line : counts(results)) b.append("<li>").append(esc(line)).append("</li>");
        b.append("</ul>\n<table><tr><th>id</th><th>study</th><th>seed</th><th>kind</th><th>verdict</th><th>before issue 15</th><th>seeds</th><th>time</th></tr>\n");
        for (Result r : results) {
            String cls = cssClass(r);
            b.append("<tr><td><a href=\"#").append(r.study().id()).append("\">").append(r.study().id()).append("</a></td><td>")
                    .append(esc(r.study().title())).append("</td><td>").append(r.study().source()).append("</td><td>")
                    .append(r.study().evidence().label()).append("</td><td class=\"").append(cls)
                    .append("\">").append(r.status()).append("</td><td>").append(r.changed().map(p -> p.verdict().label()).orElse(""))
                    .append("</td><td class=\"n\">").append(r.seeds()).append("</td><td class=\"n\">")
                    .append(String.format(Locale.ROOT, "%.1f s", r.millis() / 1000.0)).append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    private static void section(StringBuilder b, Result r) {
        Study s = r.study();
        b.append("<section id=\"").append(s.id()).append("\"><h2>").append(s.id()).append(" · ").append(esc(s.title())).append("</h2>\n")
                .append("<p><b>Claim</b> (seed chapter ").append(s.source()).append("): ").append(esc(s.claim())).append("</p>\n")
                .append("<p><b>Kind of evidence</b>: ").append(s.evidence().label()).append("</p>\n")
                .append("<p><b>Setup</b>: ").append(esc(s.setup(r.mode()))).append(" Seeds 0…").append(r.seeds() - 1)
                .append(r.mode() == Mode.REDUCED ? " (reduced mode)" : "").append(".</p>\n")
                .append("<p><b>Metric</b>: ").append(esc(s.metric())).append("</p>\n");
        r.table().ifPresent(t -> {
            boolean budgets = !t.budgets().isEmpty();
            b.append("<table><tr><th>arm</th><th>mean ± SE</th><th>min</th><th>max</th>").append(budgets ? "<th>budget Σηₜ</th>" : "").append("</tr>\n");
            for (Arm a : t.arms()) {
                double[] v = a.values();
                double min = java.util.Arrays.stream(v).min().orElseThrow(), max = java.util.Arrays.stream(v).max().orElseThrow();
                b.append("<tr><td>").append(esc(a.name())).append("</td><td class=\"n\">").append(Format.pm(a.mean(), a.se()))
                        .append("</td><td class=\"n\">").append(Format.num(min)).append("</td><td class=\"n\">").append(Format.num(max)).append("</td>");
                if (budgets) b.append("<td class=\"n\">").append(t.budgets().containsKey(a.name()) ? Format.num(t.budgets().get(a.name())) : "").append("</td>");
                b.append("</tr>\n");
            }
            b.append("</table>\n<img src=\"").append(figureName(r)).append("\" alt=\"").append(esc(s.figure().title())).append("\">\n");
        });
        r.judgement().ifPresent(j -> {
            if (!j.comparisons().isEmpty()) {
                b.append("<p>Paired comparisons (per-seed differences):</p>\n<table><tr><th>a</th><th>b</th><th>b − a, mean ± SE</th><th>a lower in</th><th>separable</th></tr>\n");
                for (Comparison c : j.comparisons())
                    b.append("<tr><td>").append(esc(c.a())).append("</td><td>").append(esc(c.b())).append("</td><td class=\"n\">")
                            .append(Format.pm(c.mean(), c.se())).append("</td><td class=\"n\">").append(c.lower()).append("/").append(c.n())
                            .append("</td><td>").append(c.separable() ? "yes" : "no (within 0.1% on every seed)").append("</td></tr>\n");
                b.append("</table>\n");
            }
            if (!j.parts().isEmpty()) {
                b.append("<table><tr><th>part</th><th>kind</th><th>verdict</th></tr>\n");
                for (Judgement.Part p : j.parts())
                    b.append("<tr><td>").append(esc(p.name())).append("</td><td>").append(p.kind().label()).append("</td><td class=\"")
                            .append(p.verdict().name()).append("\">").append(p.verdict().label()).append("</td></tr>\n");
                b.append("</table>\n");
            }
        });
        b.append("<p class=\"").append(cssClass(r)).append("\"><b>Verdict: ").append(r.status()).append("</b> — ")
                .append(esc(r.judgement().map(Judgement::reason).orElseGet(() -> r.error().orElse("")))).append("</p>\n");
        if (r.judgement().map(Judgement::nearThreshold).orElse(false))
            b.append("<p class=\"small\">A margin lies within 20% of its threshold: the verdict is fragile").append(r.sweep().isEmpty() ? "." : "; see the sweep.").append("</p>\n");
        s.sweep().filter(sw -> !r.sweep().isEmpty()).ifPresent(sw -> {
            b.append("<p>Sensitivity: the verdict over a sweep of ").append(esc(sw.parameter())).append(" (same seeds)</p>\n<table><tr><th>")
                    .append(esc(sw.parameter())).append("</th><th>verdict</th><th>numbers</th></tr>\n");
            for (Sweep.Outcome o : r.sweep())
                b.append("<tr><td class=\"n\">").append(esc(o.value())).append("</td><td class=\"").append(o.verdict().name()).append("\">")
                        .append(o.verdict().label()).append("</td><td class=\"small\">").append(esc(o.reason())).append("</td></tr>\n");
            b.append("</table>\n");
        });
        r.changed().ifPresent(p -> b.append("<p class=\"small\"><b>Before issue 15</b>: ").append(p.verdict().label()).append(" — ")
                .append(esc(p.why())).append("</p>\n"));
        b.append("<p class=\"small\">Rule: ").append(esc(s.rule().describe())).append("</p></section>\n");
    }

    private static String cssClass(Result r) {
        return r.judgement().map(j -> j.verdict().name()).orElse("ERROR");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
