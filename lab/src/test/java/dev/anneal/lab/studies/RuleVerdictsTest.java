package dev.anneal.lab.studies;

import dev.anneal.lab.Arm;
import dev.anneal.lab.Rule;
import dev.anneal.lab.Study;
import dev.anneal.lab.Table;
import dev.anneal.lab.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every study's rule, fed synthetic numbers built from the rule itself, reaches each of the three verdicts: numbers
 * that satisfy every comparison and bound give REPRODUCED, one clearly violated gives NOT REPRODUCED, one left
 * undecided (paired differences of both signs, a mean on the level) gives INCONCLUSIVE. A rule that cannot reach a
 * verdict fails here.
 */
class RuleVerdictsTest {
    static final int SEEDS = 5;
    /** Per-seed pattern of an undecided value: mean 0, both signs. */
    static final double[] WOBBLE = {0.1, -0.1, 0.1, -0.1, 0};

    static Stream<Study> studies() {
        return Catalogue.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("studies")
    void syntheticNumbersReachEveryVerdict(Study study) {
        List<Rule> leaves = leaves(study.rule());
        Map<String, Double> holds = satisfying(leaves);
        assertThat(study.rule().judge(table(holds, Map.of())).verdict()).as("%s on numbers meeting every part: %s", study.id(), holds)
                .isEqualTo(Verdict.REPRODUCED);
        for (Rule leaf : leaves) {
            Map<String, Double> fails = new LinkedHashMap<>(holds);
            violate(leaf, fails);
            assertThat(study.rule().judge(table(fails, Map.of())).verdict()).as("%s with %s violated", study.id(), leaf.describe())
                    .isEqualTo(Verdict.NOT_REPRODUCED);
        }
        assertThat(leaves.stream().anyMatch(leaf -> undecided(study.rule(), leaf, holds))).as("%s reaches INCONCLUSIVE", study.id()).isTrue();
    }

    /** Leaves the first leaf undecided (varying either arm of a comparison); true when the whole rule is then INCONCLUSIVE. */
    private static boolean undecided(Rule rule, Rule leaf, Map<String, Double> holds) {
        List<Map<String, double[]>> tries = new ArrayList<>();
        switch (leaf) {
            case Rule.Less l -> {
                tries.add(Map.of(l.a(), wobble(holds.get(l.b()))));
                tries.add(Map.of(l.b(), wobble(holds.get(l.a()))));
            }
            case Rule.Bound b -> tries.add(Map.of(b.arm(), wobble(b.level() == 0 ? 0 : b.level(), b.level() == 0 ? 1e-12 : Math.abs(b.level()))));
            default -> throw new IllegalStateException("not a leaf: " + leaf);
        }
        return tries.stream().anyMatch(t -> rule.judge(table(holds, t)).verdict() == Verdict.INCONCLUSIVE);
    }

    private static double[] wobble(double centre) {
        return wobble(centre, Math.max(Math.abs(centre), 1e-9));
    }

    private static double[] wobble(double centre, double scale) {
        double[] v = new double[SEEDS];
        for (int i = 0; i < SEEDS; i++) v[i] = centre + WOBBLE[i] * scale;
        return v;
    }

    private static void violate(Rule leaf, Map<String, Double> values) {
        switch (leaf) {
            case Rule.Less l -> values.put(l.a(), values.get(l.b()) + Math.abs(values.get(l.b())) + 1);
            case Rule.Bound b -> values.put(b.arm(), b.below() ? b.level() + Math.abs(b.level()) + 1 : b.level() - Math.abs(b.level()) - 1);
            default -> throw new IllegalStateException("not a leaf: " + leaf);
        }
    }

    /** Values meeting every leaf: arms in the order the comparisons impose, each clear of its bounds and of the arms below it. */
    static Map<String, Double> satisfying(List<Rule> leaves) {
        Set<String> arms = new LinkedHashSet<>();
        for (Rule leaf : leaves)
            switch (leaf) {
                case Rule.Less l -> {
                    arms.add(l.a());
                    arms.add(l.b());
                }
                case Rule.Bound b -> arms.add(b.arm());
                default -> throw new IllegalStateException("not a leaf: " + leaf);
            }
        Map<String, Double> values = new LinkedHashMap<>();
        // as many passes as arms: each pass settles at least one more arm of the order
        for (int pass = 0; pass <= arms.size(); pass++)
            for (String arm : arms) {
                double v = Double.NEGATIVE_INFINITY;
                boolean constrained = false;
                for (Rule leaf : leaves) {
                    if (leaf instanceof Rule.Bound b && b.arm().equals(arm) && !b.below()) {
                        v = Math.max(v, b.level() + 0.5 * Math.abs(b.level()) + 1e-9);
                        constrained = true;
                    }
                    if (leaf instanceof Rule.Less l && l.b().equals(arm) && values.containsKey(l.a())) {
                        double below = values.get(l.a());
                        v = Math.max(v, below + 0.5 * Math.abs(below) + 1);
                        constrained = true;
                    }
                }
                if (!constrained) {
                    v = 1;
                    for (Rule leaf : leaves)
                        if (leaf instanceof Rule.Bound b && b.arm().equals(arm) && b.below())
                            v = Math.min(v, b.level() - 0.5 * Math.abs(b.level()) - 1e-9);
                }
                values.put(arm, v);
            }
        return values;
    }

    static List<Rule> leaves(Rule rule) {
        return switch (rule) {
            case Rule.All a -> a.parts().stream().flatMap(r -> leaves(r).stream()).toList();
            case Rule.Part p -> leaves(p.rule());
            default -> List.of(rule);
        };
    }

    /** Every arm at its value on every seed, except the arms given per seed. */
    private static Table table(Map<String, Double> values, Map<String, double[]> perSeed) {
        List<Arm> arms = new ArrayList<>();
        values.forEach((arm, v) -> {
            double[] seeds = perSeed.containsKey(arm) ? perSeed.get(arm) : new double[SEEDS];
            if (!perSeed.containsKey(arm)) Arrays.fill(seeds, v);
            arms.add(new Arm(arm, seeds));
        });
        return new Table(arms);
    }
}
