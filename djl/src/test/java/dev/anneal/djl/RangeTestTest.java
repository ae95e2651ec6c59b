package dev.anneal.djl;

import dev.anneal.optimizer.Method;

import dev.anneal.schedule.Schedule;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The LR range test: its rules on hand-made curves, and a real sweep on 4000 Fashion-MNIST images. */
class RangeTestTest {

    @Test
    void sweep_isExponentialFromMinToMax_boundedForReferences() {
        Schedule sweep = new RangeTest(1e-6, 1, 121, 0.98, 4).sweep();
        assertThat(sweep.at(0)).isCloseTo(1e-6, within(1e-18));
        assertThat(sweep.at(60)).isCloseTo(1e-3, within(1e-15));
        assertThat(sweep.at(120)).isCloseTo(1, within(1e-12));
        assertThat(sweep.range().min()).isEqualTo(1e-6);
        assertThat(sweep.range().max()).isEqualTo(1);
    }

    @Test
    void steepest_isWhereTheCurveFallsFastest() {
        // 2 − tanh((i − 17)/3): the slope is most negative at i = 17
        List<Double> losses = IntStream.range(0, 30).mapToObj(i -> 2 - Math.tanh((i - 17) / 3.0)).toList();
        assertThat(RangeTest.steepest(lrs(30), losses)).isEqualTo(lrs(30).get(17));
    }

    @Test
    void valley_isTwoThirdsAlongTheLongestFall() {
        // flat 2.3 for i < 10, falling 0.125 a step to 0.3 at i = 25, rising after: the longest decreasing run is
        // i = 9 … 25 (17 points), so maxStart = 25 − 17 = 8, sections = 17/3, index = 8 + 5 + 2 = 15 (fastai's rule)
        List<Double> losses = new ArrayList<>();
        for (int i = 0; i < 30; i++) losses.add(i < 10 ? 2.3 : i <= 25 ? 2.3 - 0.125 * (i - 9) : 0.3 + 0.5 * (i - 25));
        assertThat(RangeTest.valley(lrs(30), losses)).isEqualTo(lrs(30).get(15));
    }

    @Test
    void badSettings_rejected() {
        assertThatThrownBy(() -> new RangeTest(0, 1, 100, 0.98, 4)).hasMessage("minLr (0.0) must be > 0");
        assertThatThrownBy(() -> new RangeTest(1, 1, 100, 0.98, 4)).hasMessage("maxLr (1.0) must be > minLr (1.0) and finite");
        assertThatThrownBy(() -> new RangeTest(1e-5, 1, 5, 0.98, 4)).hasMessage("steps (5) must be >= 10");
        assertThatThrownBy(() -> new RangeTest(1e-5, 1, 100, 1, 4)).hasMessage("smoothing (1.0) must be in [0, 1)");
        assertThatThrownBy(() -> new RangeTest(1e-5, 1, 100, 0.98, 1)).hasMessage("divergence (1.0) must be > 1");
    }

    @Test
    void realSweep_suggestsRatesWhereTheLossFalls_andRestoresTheTraining() {
        Engines.pytorch(1, 3);
        Images images = FashionMnist.train(FashionMnist.DEBIAN_DIR, 4000);
        AnnealOptimizer own = AnnealOptimizer.builder(Method.MOMENTUM, AnnealOptimizerTest.set("lr", 0.01)).build();
        try (Training training = new Training(Model.MLP, own, 64, 3)) {
            byte[] before = training.snapshot();
            RangeTest test = new RangeTest(1e-5, 10, 200, 0.9, 4);
            RangeTest.Result r = test.run(training, images, AnnealOptimizer.builder(Method.MOMENTUM, AnnealOptimizerTest.set("lr", test.sweep())).build());

            assertThat(r.stopped()).as("a sweep up to lr 10 with momentum diverges").doesNotStartWith("the sweep");
            List<Double> s = r.smoothed();
            int lowest = IntStream.range(0, s.size()).reduce((a, b) -> s.get(b) < s.get(a) ? b : a).orElseThrow();
            // the region where the loss falls: from where the smoothed loss has dropped by a tenth of its total fall, to its minimum
            double start = s.getFirst(), drop = start - s.get(lowest);
            assertThat(drop).as("the loss falls during the sweep").isGreaterThan(0.5);
            int falling = IntStream.range(0, lowest).filter(i -> s.get(i) < start - 0.1 * drop).findFirst().orElseThrow();
            for (double suggested : List.of(r.steepest(), r.valley())) {
                assertThat(suggested).as("suggestion within [lr %s, lr %s]", r.lrs().get(falling), r.lrs().get(lowest))
                        .isBetween(r.lrs().get(falling), r.lrs().get(lowest));
            }
            assertThat(training.snapshot()).as("network restored").isEqualTo(before);
            assertThat(training.optimizer()).isSameAs(own);
            assertThat(own.step()).as("the training's own optimizer untouched").isZero();
        }
    }

    private static List<Double> lrs(int n) {
        return IntStream.range(0, n).mapToObj(i -> 1e-4 * Math.pow(10, i / 10.0)).toList();
    }
}
