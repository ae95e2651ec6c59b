package dev.anneal.lab;

import dev.anneal.schedule.Checks;

import java.util.ArrayList;
import java.util.List;

/**
 * A verdict rule, fixed in a study's code before its numbers are seen. Every rule can give each of the three
 * verdicts; the margin is {@code k} standard errors (2 unless stated).
 */
public sealed interface Rule {
    /** The verdict on a table of results, with the numbers that decided it. */
    Judgement judge(Table table);

    /** The rule in words, for the report. */
    String describe();

    /** The claim is that arm {@code a}'s mean is lower than arm {@code b}'s. */
    static Rule lower(String a, String b) {
        return new Less(a, b, 2);
    }

    /** The claim is that arm {@code a}'s mean is higher than arm {@code b}'s. */
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

    /**
     * {@code mean(a) < mean(b)}: REPRODUCED when {@code mean(b) − mean(a) > k·SE}, NOT REPRODUCED when
     * {@code mean(a) − mean(b) > k·SE}, else INCONCLUSIVE, with {@code SE = √(se(a)² + se(b)²)}. When both arms
     * are deterministic (SE = 0) any strict difference decides.
     */
    record Less(String a, String b, double k) implements Rule {
        public Less {
            Checks.positive("k", k);
        }

        @Override
        public Judgement judge(Table table) {
            Arm x = table.arm(a), y = table.arm(b);
            double diff = y.mean() - x.mean(), se = Math.hypot(x.se(), y.se()), margin = k * se;
            Verdict v = diff > margin ? Verdict.REPRODUCED : -diff > margin ? Verdict.NOT_REPRODUCED : Verdict.INCONCLUSIVE;
            return new Judgement(v, a + " " + Format.num(x.mean()) + " vs " + b + " " + Format.num(y.mean())
                    + ": " + b + " − " + a + " = " + Format.num(diff) + ", " + Format.num(k) + "·SE = " + Format.num(margin));
        }

        @Override
        public String describe() {
            return "'" + a + "' below '" + b + "' by more than " + Format.num(k) + " standard errors → REPRODUCED; above by more than "
                    + Format.num(k) + " → NOT REPRODUCED; otherwise INCONCLUSIVE";
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
            return new Judgement(v, arm + " " + Format.pm(x.mean(), x.se()) + " vs level " + Format.num(level)
                    + ", " + Format.num(k) + "·SE = " + Format.num(margin));
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
            boolean allHold = true, anyFails = false;
            for (Rule r : parts) {
                Judgement j = r.judge(table);
                reasons.add(j.verdict().label() + ": " + j.reason());
                allHold &= j.verdict() == Verdict.REPRODUCED;
                anyFails |= j.verdict() == Verdict.NOT_REPRODUCED;
            }
            Verdict v = anyFails ? Verdict.NOT_REPRODUCED : allHold ? Verdict.REPRODUCED : Verdict.INCONCLUSIVE;
            return new Judgement(v, String.join("; ", reasons));
        }

        @Override
        public String describe() {
            return "all of: " + String.join("; ", parts.stream().map(Rule::describe).toList())
                    + " (all REPRODUCED → REPRODUCED; any NOT REPRODUCED → NOT REPRODUCED; otherwise INCONCLUSIVE)";
        }
    }
}
