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

    // a = {1, 3}: mean 2, sd √2, se 1.  b = {5, 7}: mean 6, se 1.  SE of difference √2, 2·SE = 2.83.
    private static final Arm A = arm("a", 1, 3), B = arm("b", 5, 7), B_CLOSE = arm("b", 3, 5), B_LOW = arm("b", -5, -3);

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
    void lower_clearlyBelow_reproduced() {
        Judgement j = Rule.lower("a", "b").judge(table(A, B));
        assertThat(j.verdict()).isEqualTo(Verdict.REPRODUCED);
        assertThat(j.reason()).contains("b − a = 4").contains("2·SE = 2.828");
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
    void higher_isLowerWithArmsSwapped() {
        assertThat(Rule.higher("b", "a").judge(table(A, B)).verdict()).isEqualTo(Verdict.REPRODUCED);
        assertThat(Rule.higher("a", "b").judge(table(A, B)).verdict()).isEqualTo(Verdict.NOT_REPRODUCED);
        assertThat(Rule.higher("b", "a").judge(table(A, B_CLOSE)).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void lower_deterministicArms_anyStrictDifferenceDecides() {
        Arm x = arm("x", 1, 1), y = arm("y", 1.5, 1.5), z = arm("z", 1, 1);
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
