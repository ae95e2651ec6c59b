package dev.anneal.web;

import dev.anneal.analysis.Quantity;
import dev.anneal.analysis.SafetyCheck;
import dev.anneal.analysis.SafetyReport;
import dev.anneal.analysis.Section;
import dev.anneal.control.ClosedLoop;
import dev.anneal.convert.Conversion;
import dev.anneal.convert.Convert;
import dev.anneal.convert.Target;
import dev.anneal.optim.ScheduleSet;
import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Spec;
import dev.anneal.spec.SpecException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The playground's answer to a spec or a schedule set and a total: every hyperparameter's curve, the safety check
 * of each learning rate (as {@code anneal check}), and each learning rate converted to every language (as
 * {@code anneal convert}). A text that cannot be read answers with the error and, for a spec, its column.
 */
final class Playground {
    /** Longest text accepted: a schedule set is a few lines. */
    static final int MAX_TEXT = 20_000;
    /** Longest horizon: the check sums every step. */
    static final long MAX_TOTAL = 10_000_000;
    /** A schedule set is YAML or JSON with these keys; anything else is a spec. */
    private static final Pattern SET = Pattern.compile("(?s)\\s*\\{.*|(?m)(?s).*^\\s*(total|defaults|groups)\\s*:.*");

    /** @param total steps (null: the schedule's own duration); lambdaMax and gradBound may be null */
    record Request(String text, Long total, Double lambdaMax, Double gradBound, Integer points) {}

    private Playground() {}

    static Map<String, Object> answer(Request q) {
        if (q == null || q.text() == null || q.text().isBlank()) throw ApiException.badRequest("text must be a spec or a schedule set");
        if (q.text().length() > MAX_TEXT) throw ApiException.badRequest("text (" + q.text().length() + " characters) must be at most " + MAX_TEXT);
        if (q.total() != null && (q.total() <= 0 || q.total() > MAX_TOTAL)) {
            throw ApiException.badRequest("total (" + q.total() + ") must be in [1, " + MAX_TOTAL + "]");
        }
        positiveOrNull("lambdaMax", q.lambdaMax());
        positiveOrNull("gradBound", q.gradBound());
        int points = q.points() == null ? 400 : q.points();
        if (points < 2 || points > 5000) throw ApiException.badRequest("points (" + points + ") must be in [2, 5000]");

        Map<String, Object> out = new LinkedHashMap<>();
        boolean isSet = SET.matcher(q.text()).matches();
        out.put("kind", isSet ? "set" : "spec");
        Map<String, Schedule> schedules;
        try {
            schedules = isSet ? fromSet(q.text(), q.total()) : Map.of("lr", Spec.parse(q.text().strip(), optional(q.total())));
        } catch (SpecException e) {
            out.put("error", Map.of("message", e.getMessage(), "reason", e.reason(), "column", e.column(),
                    "text", e.text() == null ? "" : e.text()));
            return out;
        } catch (IllegalArgumentException | IllegalStateException e) {
            out.put("error", Map.of("message", String.valueOf(e.getMessage())));
            return out;
        }
        long horizon;
        try {
            horizon = horizon(schedules, q.total());
        } catch (IllegalArgumentException e) {
            out.put("error", Map.of("message", e.getMessage()));
            return out;
        }
        out.put("total", horizon);
        long[] steps = Groups.grid(0, horizon, points);
        List<Map<String, Object>> curves = new ArrayList<>(), checks = new ArrayList<>(), conversions = new ArrayList<>();
        schedules.forEach((name, s) -> {
            curves.add(curve(name, s, steps));
            if (name.equals("lr") || name.endsWith(".lr")) {
                checks.add(check(name, s, horizon, q));
                conversions.add(convert(name, s));
            }
        });
        out.put("curves", curves);
        out.put("checks", checks);
        out.put("conversions", conversions);
        return out;
    }

    /** Every hyperparameter of the set: {@code name} with one group, {@code group.name} with several. */
    private static Map<String, Schedule> fromSet(String text, Long total) {
        ScheduleSet set = total == null ? ScheduleSet.parse(text) : ScheduleSet.parse(text, b -> b.total(total));
        Map<String, Schedule> all = new LinkedHashMap<>();
        boolean one = set.groups().size() == 1;
        for (String g : set.groups()) set.group(g).forEach((name, s) -> all.put(one ? name : g + "." + name, s));
        return all;
    }

    private static long horizon(Map<String, Schedule> schedules, Long total) {
        if (total != null) return total;
        long longest = 0;
        for (Map.Entry<String, Schedule> e : schedules.entrySet()) {
            OptionalLong d = e.getValue().duration();
            if (d.isPresent() && d.getAsLong() != Long.MAX_VALUE) longest = Math.max(longest, d.getAsLong());
        }
        if (longest == 0) throw new IllegalArgumentException("the schedule never ends: give a total");
        if (longest > MAX_TOTAL) throw new IllegalArgumentException("the schedule lasts " + longest + " steps: give a total of at most " + MAX_TOTAL);
        return longest;
    }

    private static Map<String, Object> curve(String name, Schedule s, long[] steps) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        if (s instanceof ClosedLoop<?>) {
            m.put("error", name + " is closed-loop: its values follow the metrics of a run");
            return m;
        }
        Double[] values = new Double[steps.length];
        for (int i = 0; i < steps.length; i++) values[i] = Views.number(s.at(steps[i]));
        m.put("spec", s.toString());
        m.put("step", steps);
        m.put("value", values);
        return m;
    }

    private static Map<String, Object> check(String name, Schedule s, long horizon, Request q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        try {
            SafetyCheck check = SafetyCheck.of(s, Math.max(horizon, 1));
            if (q.lambdaMax() != null) check.lambdaMax(q.lambdaMax());
            if (q.gradBound() != null) check.gradBound(q.gradBound());
            SafetyReport report = check.run();
            m.put("verdict", Map.of("kind", report.verdict().kind().name(), "line", report.verdict().line(),
                    "risks", report.verdict().risks()));
            List<Map<String, Object>> sections = new ArrayList<>();
            for (Section sec : report.sections()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (Quantity x : sec.quantities()) rows.add(Map.of("label", x.label(), "text", x.text(), "formula", x.formula()));
                sections.add(Map.of("key", sec.key(), "title", sec.title(), "quantities", rows, "notes", sec.notes()));
            }
            m.put("sections", sections);
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            m.put("error", String.valueOf(e.getMessage()));
        }
        return m;
    }

    private static Map<String, Object> convert(String name, Schedule s) {
        List<Map<String, Object>> targets = new ArrayList<>();
        for (Target t : Target.all()) {
            String text;
            boolean ok;
            try {
                Conversion c = Convert.convert(s, t);
                ok = c instanceof Conversion.Converted;
                text = c.message();
            } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
                ok = false;
                text = String.valueOf(e.getMessage());
            }
            targets.add(Map.of("target", t.spec(), "ok", ok, "text", text));
        }
        return Map.of("name", name, "targets", targets);
    }

    private static OptionalLong optional(Long total) {
        return total == null ? OptionalLong.empty() : OptionalLong.of(total);
    }

    private static void positiveOrNull(String name, Double v) {
        if (v != null && (!(v > 0) || v.isInfinite())) throw ApiException.badRequest(name + " (" + v + ") must be > 0 and finite");
    }
}
