package dev.anneal.bench.train;

import dev.anneal.bench.train.TrainBenchReport.Best;
import dev.anneal.bench.train.TrainBenchReport.Row;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The arithmetic of {@code anneal bench train}'s table on synthetic runs (never timed here). */
class TrainBenchReportTest {

    @Test
    void best_takesHighestRate_lowestOptimizerAndStepTimes_andTheFastestRunsAccuracy() {
        Best b = Best.of(List.of(
                new TrainRun(900, 4.0, 1.5, 0.80),   // step 5.5
                new TrainRun(1000, 4.5, 1.2, 0.81),  // step 5.7: the fastest run, the lowest optimizer time
                new TrainRun(950, 3.6, 1.4, 0.79))); // step 5.0: the lowest step time
        assertThat(b.imagesPerSecond()).isEqualTo(1000);
        assertThat(b.optimizerMs()).isEqualTo(1.2);
        assertThat(b.stepMs()).isCloseTo(5.0, within(1e-12));
        assertThat(b.testAccuracy()).isEqualTo(0.81);
    }

    @Test
    void best_ofNoRuns_isRejected() {
        assertThatThrownBy(() -> Best.of(List.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("runs (none)");
    }

    @Test
    void row_ratiosAndLayerOverhead_byHand() {
        Row r = new Row("mlp", new Best(9000, 1.5, 10.0, 0.85), new Best(10000, 1.0, 9.0, 0.85), new Best(6000, 2.0, 20.0, 0.84));
        assertThat(r.annealOverTorch()).isCloseTo(1.5, within(1e-12));
        assertThat(r.annealOverDjlAdam()).isCloseTo(0.9, within(1e-12));
        assertThat(r.layerMs()).isCloseTo(0.5, within(1e-12));         // 1.5 − 1.0
        assertThat(r.layerPercent()).isCloseTo(5.0, within(1e-12));    // 0.5 of a 10 ms step
        assertThat(r.markdown()).isEqualTo("| mlp | 9000 | 10000 | 6000 | 1.50 | 0.90 | 1.500 | 1.000 | 2.000 | 0.500 | 5.0% | 0.8500 / 0.8500 / 0.8400 |");
    }

    @Test
    void row_anOptimizerFasterThanDjlAdam_givesANegativeOverhead() {
        Row r = new Row("cnn", new Best(100, 2.0, 80.0, 0.8), new Best(100, 3.0, 81.0, 0.8), new Best(50, 1.0, 160.0, 0.8));
        assertThat(r.layerMs()).isCloseTo(-1.0, within(1e-12));
        assertThat(r.layerPercent()).isCloseTo(-1.25, within(1e-12));
    }

    @Test
    void row_headerHasAColumnForEveryCell() {
        Row r = new Row("lstm", new Best(1, 1, 1, 0.1), new Best(1, 1, 1, 0.1), new Best(1, 1, 1, 0.1));
        long columns = TrainBenchReport.HEADER.lines().toList().getFirst().chars().filter(c -> c == '|').count();
        assertThat(r.markdown().chars().filter(c -> c == '|').count()).isEqualTo(columns);
        assertThat(TrainBenchReport.HEADER.lines().toList().get(1).chars().filter(c -> c == '|').count()).isEqualTo(columns);
    }

    @Test
    void verdict_aimIsAtLeastNineTenthsOfTorch_boundaryIncluded() {
        Best torch = new Best(1000, 1, 1, 0.8);
        Row exactly = new Row("mlp", new Best(900, 1, 1, 0.8), torch, torch);
        Row below = new Row("cnn", new Best(899, 1, 1, 0.8), torch, torch);
        Row above = new Row("lstm", new Best(2000, 1, 1, 0.8), torch, torch);
        assertThat(exactly.meetsAim()).isTrue();
        assertThat(below.meetsAim()).isFalse();
        assertThat(TrainBenchReport.verdict(List.of(exactly, below, above)))
                .isEqualTo("aim (anneal >= 0.9 x torch images/s): met for mlp, lstm; missed for cnn");
        assertThat(TrainBenchReport.verdict(List.of(below))).isEqualTo("aim (anneal >= 0.9 x torch images/s): missed for cnn");
        assertThat(TrainBenchReport.verdict(List.of(above))).isEqualTo("aim (anneal >= 0.9 x torch images/s): met for lstm");
    }
}
