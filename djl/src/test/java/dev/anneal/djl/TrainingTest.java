package dev.anneal.djl;

import dev.anneal.spec.Spec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingTest {
    static Images train, test;

    @BeforeAll
    static void data() {
        Engines.pytorch(2, 1);
        train = FashionMnist.train(FashionMnist.DEBIAN_DIR, 4000);
        test = FashionMnist.test(FashionMnist.DEBIAN_DIR, 2000);
    }

    @Test
    void mlp_adamOneCycle_reachesEightyPercent() {
        long perEpoch = Training.stepsPerEpoch(train.size(), 64, 1);
        AnnealOptimizer adam = AnnealOptimizer.builder(Rule.ADAM)
                .schedules(Map.of(Hyper.LR, Spec.parse("onecycle(0.003, 100%)", 3 * perEpoch))).build();
        List<Step> steps = new ArrayList<>();
        try (Training t = new Training(Model.MLP, adam, 64, 7)) {
            long start = System.nanoTime();
            for (int e = 0; e < 3; e++) { long s0 = System.nanoTime(); t.epoch(train, e, steps::add); System.out.printf("epoch %d %.2f s%n", e, (System.nanoTime() - s0) / 1e9); }
            double acc = t.accuracy(test);
            System.out.printf("acc %.4f in %.1f s, %d steps%n", acc, (System.nanoTime() - start) / 1e9, steps.size());
            assertThat(acc).isGreaterThan(0.8);
        }
        assertThat(steps).hasSize((int) (3 * perEpoch));
    }
}
