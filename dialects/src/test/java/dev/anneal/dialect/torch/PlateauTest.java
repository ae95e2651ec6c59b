package dev.anneal.dialect.torch;

import dev.anneal.control.Plateau;
import dev.anneal.control.Plateau.Mode;
import dev.anneal.control.Plateau.State;
import dev.anneal.control.Plateau.ThresholdMode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The controller behind torch.ReduceLROnPlateau: explicit state, pure steps (its numbers are in the tables). */
class PlateauTest {

    private static final Plateau PATIENCE_2 = new Plateau(Mode.MIN, 0.1, 2, 1e-4, ThresholdMode.REL, 0, 0, 1e-8);

    @Test
    void start_hasTheWorstBest_forTheMode() {
        assertThat(PATIENCE_2.start(0.1)).isEqualTo(new State(0.1, Double.POSITIVE_INFINITY, 0, 0, 0));
        Plateau max = new Plateau(Mode.MAX, 0.1, 2, 1e-4, ThresholdMode.REL, 0, 0, 1e-8);
        assertThat(max.start(0.1).best()).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void step_isPure_theSameStateAndMetricGiveTheSameNextState() {
        State s = PATIENCE_2.step(PATIENCE_2.start(0.1), 1.0);
        State a = PATIENCE_2.step(s, 1.0), b = PATIENCE_2.step(s, 1.0);
        assertThat(a).isEqualTo(b).isEqualTo(new State(0.1, 1.0, 1, 0, 2));
        assertThat(s).isEqualTo(new State(0.1, 1.0, 0, 0, 1));
    }

    @Test
    void reduction_comesAfterMoreThanPatienceBadSteps() {
        assertThat(PATIENCE_2.trace(0.1, 1, 1, 1, 1)).containsExactly(0.1, 0.1, 0.1, 0.1, 0.010000000000000002);
    }

    @Test
    void cooldown_ignoresBadSteps_thenCountsAgain() {
        Plateau p = new Plateau(Mode.MIN, 0.5, 0, 0, ThresholdMode.ABS, 2, 0, 0);
        // metric 1 sets best; each later 1 is bad; patience 0 reduces at once, then 2 steps of cooldown
        assertThat(p.trace(1, 1, 1, 1, 1, 1, 1)).containsExactly(1, 1, 0.5, 0.5, 0.5, 0.25, 0.25);
        State s = p.step(p.step(p.start(1), 1), 1);
        assertThat(s.cooldownLeft()).isEqualTo(2);
    }

    @Test
    void minLr_floorsTheReduction_andEpsSkipsSmallOnes() {
        Plateau floor = new Plateau(Mode.MIN, 0.1, 0, 1e-4, ThresholdMode.REL, 0, 0.05, 1e-8);
        assertThat(floor.trace(0.1, 1, 1, 1)).containsExactly(0.1, 0.1, 0.05, 0.05);
        Plateau eps = new Plateau(Mode.MIN, 0.9, 0, 1e-4, ThresholdMode.REL, 0, 0, 0.02);
        assertThat(eps.trace(0.1, 1, 1, 1)).containsExactly(0.1, 0.1, 0.1, 0.1); // 0.1 − 0.09 = 0.01 is not > eps
    }

    @Test
    void nanMetric_isNeverBetter() {
        Plateau p = new Plateau(Mode.MIN, 0.1, 0, 1e-4, ThresholdMode.REL, 0, 0, 1e-8);
        assertThat(p.trace(0.1, Double.NaN)).containsExactly(0.1, 0.010000000000000002);
    }

    @Test
    void invalid_isRejected_withNameValueAndRule() {
        assertThatThrownBy(() -> new Plateau(Mode.MIN, 1, 0, 0, ThresholdMode.REL, 0, 0, 0)).hasMessage("factor (1) must be in [0, 1)");
        assertThatThrownBy(() -> new Plateau(Mode.MIN, Double.NaN, 0, 0, ThresholdMode.REL, 0, 0, 0)).hasMessage("factor (NaN) must be in [0, 1)");
        assertThatThrownBy(() -> new Plateau(Mode.MIN, 0.1, -1, 0, ThresholdMode.REL, 0, 0, 0)).hasMessage("patience (-1) must be >= 0");
        assertThatThrownBy(() -> new Plateau(null, 0.1, 0, 0, ThresholdMode.REL, 0, 0, 0)).hasMessage("mode (null) must be one of min, max");
        assertThatThrownBy(() -> new Plateau(Mode.MAX, 0.1, 0, 0, null, 0, 0, 0)).hasMessage("threshold_mode (null) must be one of rel, abs");
    }
}
