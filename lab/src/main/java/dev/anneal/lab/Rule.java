package dev.anneal.lab;

import dev.anneal.schedule.Checks;

import java.util.ArrayList;
import java.util.List;

/**
 * A verdict rule, fixed in a study's code before its numbers are seen. Every rule can give each of the three
 * verdicts; the margin is {@code k} standard errors (2 unless stated).
 *
 * <p>Arms of a study share their seeds (data, noise, initialisation), so two arms are compared seed by seed
 * ({@link Comparison}); arms whose values differ by less than 0.1% on every seed give INCONCLUSIVE whatever the
 * standard error: the setup cannot separate them. A bound whose mean varies over the seeds and lies within 20% of its level is flagged
 * {@link Judgement#nearThreshold() near the threshold}.
 */
public sealed interface Rule {
    /** Fraction of a level within which a margin counts as near the threshold. */
    double NEAR = 0.2;

    /** The verdict on a table of results, with the numbers that decided it. */
    Judgement judge(Table table);

    /** The rule in words, for the report. */
    String describe();

    /** The claim is that arm {@code a} is lower than arm {@code b}, seed by seed. */
    static Rule lower(String a, String b) {
        return new Less(a, b, 2);
    }

    /** The claim is that arm {@code a} is higher than arm {@code b}, seed by seed. */
    static Rule higher(String a, String b) {
        return new Less(b, a, 2);
    }

    /** The claim is that arm {@code arm}'s mean is below {@code level}. */
    static Rule below(String arm, double level) {
        return new Bound(arm, level, true, 2);
    }

    /** The claim is that arm {@code arm}'s mean is above {@code level}. */
    static Rule above(String arm, double level) {
        return new Bound(arm, level, false, 2);
    }

    /** Every part of the claim must hold. */
    static Rule all(Rule... parts) {
        return new All(List.of(parts));
    }

    /** A named part of a claim with its kind of evidence; the report and results.json show its verdict apart. */
    static Rule part(String name, Evidence kind, Rule rule) {
        return new Part(name, kind, rule);
    }

    /**
     * {@code a < b} seed by seed: with {@code dᵢ = bᵢ − aᵢ}, REPRODUCED when {@code mean(d) > k·SE(d)}, NOT REPRODUCED
     * when {@code −mean(d) > k·SE(d)}, else INCONCLUSIVE; INCONCLUSIVE too when the arms are not
     * {@link Comparison#separable() separable}. When every dᵢ is the same (SE = 0) any strict difference decides.
     */
    record Less(String a, String b, double k) implements Rule {
        public Less {
            Checks.positive("k", k);
        }

        @Override
        public Judgement judge(Table table) {
            Arm x = table.arm(a), y = table.arm(b);
            Comparison c = Comparison.of(x, y);
            double margin = k * c.se();
            String numbers = a + " " + Format.num(x.mean()) + " vs " + b + " " + Format.num(y.mean()) + "; " + c.describe()
                    + ", " + Format.num(k) + "·SE = " + Format.num(margin);
            if (!c.separable())
                return new Judgement(Verdict.INCONCLUSIVE, "the setup cannot separate the arms (within 0.1% on every seed): " + numbers,
                        List.of(c), List.of(), false);
            Verdict v = c.mean() > margin ? Verdict.REPRODUCED : -c.mean() > margin ? Verdict.NOT_REPRODUCED : Verdict.INCONCLUSIVE;
            return new Judgement(v, numbers, List.of(c), List.of(), false);
        }

        @Override
        public String describe() {
            return "'" + a + "' below '" + b + "' seed by seed: mean paired difference more than " + Format.num(k)
                    + " of its standard errors → REPRODUCED; above by more than " + Format.num(k) + " → NOT REPRODUCED; otherwise "
                    + "(or within 0.1% on every seed) INCONCLUSIVE";
        }
    }

    /**
     * {@code mean(arm) < level} (or {@code > level}): REPRODUCED when the mean is on the claimed side by more than
     * k·SE, NOT REPRODUCED when it is on the other side by more than k·SE, else INCONCLUSIVE.
     */
    record Bound(String arm, double level, boolean below, double k) implements Rule {
        public Bound {
            Checks.finite("level", level);
            Checks.positive("k", k);
        }

        @Override
        public Judgement judge(Table table) {
            Arm x = table.arm(arm);
            double gap = below ? level - x.mean() : x.mean() - level, margin = k * x.se();
            Verdict v = gap > margin ? Verdict.REPRODUCED : -gap > margin ? Verdict.NOT_REPRODUCED : Verdict.INCONCLUSIVE;
            // a value that is the same on every seed (an agreement of 1, a count of 0) is not fragile by sampling
            boolean near = level != 0 && x.se() > 0 && Math.abs(gap) < NEAR * Math.abs(level);
            return new Judgement(v, arm + " " + Format.pm(x.mean(), x.se()) + " vs level " + Format.num(level)
                    + ", " + Format.num(k) + "·SE = " + Format.num(margin) + (near ? " (within 20% of the level)" : ""),
                    List.of(), List.of(), near);
        }

        @Override
        public String describe() {
            String side = below ? "below" : "above", other = below ? "above" : "below";
            return "'" + arm + "' " + side + " " + Format.num(level) + " by more than " + Format.num(k) + " standard errors → REPRODUCED; "
                    + other + " by more than " + Format.num(k) + " → NOT REPRODUCED; otherwise INCONCLUSIVE";
        }
    }

    /** Every part REPRODUCED → REPRODUCED; any part NOT REPRODUCED → NOT REPRODUCED; otherwise INCONCLUSIVE. */
    record All(List<Rule> parts) implements Rule {
        public All {
            if (parts.isEmpty()) throw new IllegalArgumentException("all(…) needs at least one rule");
            parts = List.copyOf(parts);
        }

        @Override
        public Judgement judge(Table table) {
            List<String> reasons = new ArrayList<>();
            List<Comparison> comparisons = new ArrayList<>();
            List<Judgement.Part> named = new ArrayList<>();
            boolean allHold = true, anyFails = false, near = false;
            for (Rule r : parts) {
                Judgement j = r.judge(table);
                reasons.add(j.verdict().label() + ": " + j.reason());
                comparisons.addAll(j.comparisons());
                named.addAll(j.parts());
                near |= j.nearThreshold();
                allHold &= j.verdict() == Verdict.REPRODUCED;
                anyFails |= j.verdict() == Verdict.NOT_REPRODUCED;
            }
            Verdict v = anyFails ? Verdict.NOT_REPRODUCED : allHold ? Verdict.REPRODUCED : Verdict.INCONCLUSIVE;
            return new Judgement(v, String.join("; ", reasons), comparisons, named, near);
        }

        @Override
        public String describe() {
            return "all of: " + String.join("; ", parts.stream().map(Rule::describe).toList())
                    + " (all REPRODUCED → REPRODUCED; any NOT REPRODUCED → NOT REPRODUCED; otherwise INCONCLUSIVE)";
        }
    }

    /** A named part of a claim: judged by its rule, reported apart with its kind of evidence. */
    record Part(String name, Evidence kind, Rule rule) implements Rule {
        public Part {
            if (name.isBlank()) throw new IllegalArgumentException("a part needs a name");
        }

        @Override
        public Judgement judge(Table table) {
            Judgement j = rule.judge(table);
            List<Judgement.Part> named = new ArrayList<>(j.parts());
            named.addFirst(new Judgement.Part(name, kind, j.verdict(), j.reason()));
            return new Judgement(j.verdict(), name + " (" + kind.label() + ") — " + j.reason(), j.comparisons(), named, j.nearThreshold());
        }

        @Override
        public String describe() {
            return name + " (" + kind.label() + "): " + rule.describe();
        }
    }
}
