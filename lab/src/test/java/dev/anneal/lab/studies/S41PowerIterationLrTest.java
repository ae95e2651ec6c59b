package dev.anneal.lab.studies;

import dev.anneal.lab.Mode;
import dev.anneal.lab.Table;
import dev.anneal.lab.Trial;
import dev.anneal.lab.Verdict;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** S41's verdict on synthetic numbers (each outcome reachable), its step count, and its controller's first rates. */
class S41PowerIterationLrTest {
    private static final S41PowerIterationLr STUDY = new S41PowerIterationLr();

    private static Verdict verdict(double[] adaptive, double[] safe, double[] diverged) {
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < adaptive.length; i++) {
            trials.add(new Trial().metric(S41PowerIterationLr.ADAPTIVE, adaptive[i]).metric(S41PowerIterationLr.SAFE, safe[i])
                    .metric(S41PowerIterationLr.DIVERGED, diverged[i]).metric(S41PowerIterationLr.OPTIMUM_LIMIT, 1));
        }
        return STUDY.rule().judge(Table.of(trials)).verdict();
    }

    private static final double[] SAFE = {400, 380, 420, 390, 410}, NONE = {0, 0, 0, 0, 0};

    @Test
    void fasterAndNeverDiverging_reproduced() {
        assertThat(verdict(new double[] {150, 160, 140, 155, 150}, SAFE, NONE)).isEqualTo(Verdict.REPRODUCED);
    }

    @Test
    void slowerThanTheSafeRate_notReproduced() {
        assertThat(verdict(new double[] {800, 820, 790, 810, 805}, SAFE, NONE)).isEqualTo(Verdict.NOT_REPRODUCED);
    }

    @Test
    void fasterButDivergingInMostRuns_notReproduced() {
        assertThat(verdict(new double[] {150, 160, 140, 155, 150}, SAFE, new double[] {1, 1, 1, 1, 1})).isEqualTo(Verdict.NOT_REPRODUCED);
    }

    @Test
    void oneDivergedRunAtTheCap_inconclusive() {
        // a diverged run counts as the step cap: one of five spreads the adaptive arm over the safe one's range
        assertThat(verdict(new double[] {150, 160, 20000, 155, 150}, SAFE, new double[] {0, 0, 1, 0, 0})).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void stepsTo_firstStepBelowTheTarget_orTheCap() {
        assertThat(S41PowerIterationLr.stepsTo(new double[] {1, 0.5, 0.01, 0.001}, 0.02)).isEqualTo(2);
        assertThat(S41PowerIterationLr.stepsTo(new double[] {1, 0.5, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY}, 0.02)).isEqualTo(3);
    }

    @Test
    void baseSchedule_zeroAtStepZeroThenTheCap() {
        assertThat(S41PowerIterationLr.BASE.at(0)).isZero();
        assertThat(S41PowerIterationLr.BASE.at(1)).isEqualTo(S41PowerIterationLr.CAP);
        assertThat(STUDY.setup(Mode.FULL)).contains("CurvatureRate").contains("warmup(1, constant(10))");
    }
}
