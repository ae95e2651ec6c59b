package dev.anneal.lab;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every rule can give every verdict; margins are computed from the standard errors by hand. */
class RuleTest {
    private static Arm arm(String name, double... values) {
        return new Arm(name, values);
    }

    private static Table table(Arm... arms) {
        return new Table(List.of(arms));
    }

    // a = {1, 3}: mean 2, se 1 (used by the bounds).
    private static final Arm A = arm("a", 1, 3);
    // paired: b − a = {4, 2}: mean 3, se 1, 2·SE = 2 → a clearly lower
    private static final Arm B = arm("b", 5, 5);
    // b − a = {2, −1}: mean 0.5, se 1.5 → within 2·SE
    private static final Arm B_CLOSE = arm("b", 3, 2);
    // b − a = {−6, −4}: mean −5, se 1
    private static final Arm B_LOW = arm("b", -5, -1);

    @Test
    void arm_meanAndStandardError_byHand() {
        Arm x = arm("x", 2, 4, 4, 4, 5, 5, 7, 9);
        assertThat(x.mean()).isEqualTo(5.0);
        // sample variance 32/7, se = √(32/7/8)
        assertThat(x.se()).isCloseTo(Math.sqrt(32.0 / 7 / 8), org.assertj.core.data.Offset.offset(1e-15));
        assertThat(arm("one", 3).se()).isZero();
    }

    @Test
    void arm_nonFiniteValue_rejected() {
        assertThatThrownBy(() -> arm("x", 1, Double.NaN)).hasMessage("arm 'x' has a non-finite value NaN");
    }

    @Test
    void lower_clearlyBelow_reproduced_withThePairedNumbers() {
        Judgement j = Rule.lower("a", "b").judge(table(A, B));
        assertThat(j.verdict()).isEqualTo(Verdict.REPRODUCED);
        assertThat(j.reason()).contains("'b' − 'a' per seed: 3 ± 1, 'a' lower in 2/2 seeds").contains("2·SE = 2");
        assertThat(j.comparisons()).containsExactly(new Comparison("a", "b", 3, 1, 2, 2, true));
    }

    @Test
    void lower_withinTwoStandardErrors_inconclusive() {
        assertThat(Rule.lower("a", "b").judge(table(A, B_CLOSE)).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void lower_clearlyAbove_notReproduced() {
        assertThat(Rule.lower("a", "b").judge(table(A, B_LOW)).verdict()).isEqualTo(Verdict.NOT_REPRODUCED);
    }

    @Test
    void lower_pairedDecidesWhereUnpairedCouldNot() {
        // a large shared seed effect: unpaired SE √(se_a² + se_b²) ≈ 14 swamps the difference of 1; paired SE is 0.03
        Arm x = arm("x", 0, 10, 20, 30, 40), y = arm("y", 1, 11.1, 20.9, 31, 41);
        Judgement j = Rule.lower("x", "y").judge(table(x, y));
        assertThat(j.verdict()).isEqualTo(Verdict.REPRODUCED);
        assertThat(j.comparisons().getFirst().lower()).isEqualTo(5);
        assertThat(j.comparisons().getFirst().se()).isCloseTo(Math.sqrt(0.02 / 4 / 5), org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void lower_armsWithinAThousandthOnEverySeed_inconclusiveAsDegenerate() {
        // 1.25536 vs 1.25526: a consistent sign on every seed, but no seed differs by more than 0.1%
        Arm x = arm("x", 1.25526, 1.25527, 1.25525), y = arm("y", 1.25536, 1.25537, 1.25536);
        Judgement j = Rule.lower("x", "y").judge(table(x, y));
        assertThat(j.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(j.reason()).startsWith("the setup cannot separate the arms");
        assertThat(j.comparisons().getFirst().separable()).isFalse();
        // one seed apart by more than 0.1% makes the pair separable
        assertThat(Comparison.of(x, arm("y", 1.25536, 1.3, 1.25536)).separable()).isTrue();
    }

    @Test
    void comparison_armsOfDifferentLength_rejected() {
        assertThatThrownBy(() -> Comparison.of(arm("x", 1, 2), arm("y", 1, 2, 3)))
                .hasMessage("arms 'x' (2 seeds) and 'y' (3 seeds) must share their seeds");
    }

    @Test
    void part_carriesItsKind_andAllCollectsPartsAndComparisons() {
        Rule rule = Rule.all(Rule.part("formula", Evidence.IDENTITY, Rule.below("a", 10)),
                Rule.part("training", Evidence.EXPERIMENT, Rule.lower("a", "b")));
        Judgement j = rule.judge(table(A, B));
        assertThat(j.verdict()).isEqualTo(Verdict.REPRODUCED);
        assertThat(j.parts()).extracting(Judgement.Part::name, Judgement.Part::kind, Judgement.Part::verdict)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("formula", Evidence.IDENTITY, Verdict.REPRODUCED),
                        org.assertj.core.groups.Tuple.tuple("training", Evidence.EXPERIMENT, Verdict.REPRODUCED));
        assertThat(j.comparisons()).hasSize(1);
        assertThat(rule.describe()).contains("formula (identity): ").contains("training (experiment): ");
    }

    @Test
    void bound_withinTwentyPercentOfTheLevel_flaggedNearThreshold() {
        // mean 2: level 2.3 is 13% away (near), level 4.5 is 56% away
        assertThat(Rule.below("a", 2.3).judge(table(A)).nearThreshold()).isTrue();
        assertThat(Rule.below("a", 4.5).judge(table(A)).nearThreshold()).isFalse();
        assertThat(Rule.all(Rule.below("a", 4.5), Rule.above("a", 1.8)).judge(table(A)).nearThreshold()).isTrue();
    }

    @Test
    void lower_deterministicArms_anyStrictDifferenceDecides() {
        Arm x = arm("x", 1, 2), y = arm("y", 1.5, 2.5), z = arm("z", 1, 2);
        assertThat(Rule.lower("x", "y").judge(table(x, y)).verdict()).isEqualTo(Verdict.REPRODUCED);
        assertThat(Rule.lower("y", "x").judge(table(x, y)).verdict()).isEqualTo(Verdict.NOT_REPRODUCED);
        assertThat(Rule.lower("x", "z").judge(table(x, z)).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void below_allThreeOutcomes() {
        // a: mean 2, se 1, 2·SE = 2
        assertThat(Rule.below("a", 4.5).judge(table(A)).verdict()).isEqualTo(Verdict.REPRODUCED);
        assertThat(Rule.below("a", 3.5).judge(table(A)).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Rule.below("a", -0.5).judge(table(A)).verdict()).isEqualTo(Verdict.NOT_REPRODUCED);
    }

    @Test
    void above_allThreeOutcomes() {
        assertThat(Rule.above("a", -0.5).judge(table(A)).verdict()).isEqualTo(Verdict.REPRODUCED);
        assertThat(Rule.above("a", 1).judge(table(A)).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Rule.above("a", 4.5).judge(table(A)).verdict()).isEqualTo(Verdict.NOT_REPRODUCED);
    }

    @Test
    void all_combinesParts() {
        Rule holds = Rule.below("a", 10), fails = Rule.above("a", 10), unsure = Rule.below("a", 3);
        assertThat(Rule.all(holds, holds).judge(table(A)).verdict()).isEqualTo(Verdict.REPRODUCED);
        assertThat(Rule.all(holds, unsure).judge(table(A)).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Rule.all(holds, unsure, fails).judge(table(A)).verdict()).isEqualTo(Verdict.NOT_REPRODUCED);
        assertThat(Rule.all(holds, fails).judge(table(A)).reason()).startsWith("REPRODUCED: ").contains("; NOT REPRODUCED: ");
    }

    @Test
    void unknownArm_namesTheArms() {
        assertThatThrownBy(() -> Rule.lower("a", "c").judge(table(A, B))).hasMessage("no arm 'c' (arms: [a, b])");
    }

    @Test
    void badParameters_rejected() {
        assertThatThrownBy(() -> new Rule.Less("a", "b", 0)).hasMessage("k (0) must be > 0 and finite");
        assertThatThrownBy(() -> new Rule.Bound("a", Double.NaN, true, 2)).hasMessage("level (NaN) must be finite");
        assertThatThrownBy(Rule::all).hasMessage("all(…) needs at least one rule");
    }

    @Test
    void describe_statesAllThreeOutcomes() {
        assertThat(Rule.lower("a", "b").describe()).contains("REPRODUCED").contains("NOT REPRODUCED").contains("INCONCLUSIVE");
        assertThat(Rule.above("a", 1).describe()).startsWith("'a' above 1 by more than 2 standard errors");
    }
}
