package dev.anneal.djl;

import dev.anneal.optimizer.Method;
import dev.anneal.optim.ScheduleSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real DJL training with the network's names on a schedule: identities, resume, range errors, per-group dropout. */
class CoSchedulingTrainingTest {
    static Images train;

    @TempDir
    Path dir;

    @BeforeAll
    static void data() {
        Engines.pytorch(1, 1);
        train = FashionMnist.train(FashionMnist.DEBIAN_DIR, 240);
    }

    /** A run's trace lines (as anneal train writes them) and its final parameters. */
    record Run(List<String> trace, byte[] parameters) {}

    static Run run(Model model, ScheduleSet set, int epochs) {
        List<String> trace = new ArrayList<>();
        try (Training t = new Training(model, AnnealOptimizer.builder(Method.MOMENTUM, set).build(), 40, 3)) {
            for (int e = 0; e < epochs; e++) t.epoch(train, e, s -> trace.add(line(s)));
            return new Run(trace, t.snapshot());
        }
    }

    static String line(Step s) {
        StringBuilder b = new StringBuilder(s.step() + "," + s.epoch() + "," + s.loss() + "," + s.accuracy());
        s.hyperparameters().forEach((n, v) -> b.append(',').append(n).append('=').append(v));
        return b.toString();
    }

    static ScheduleSet set(String... more) {
        StringBuilder yaml = new StringBuilder("defaults:\n  lr: cyclic(0.01, 0.05, up=3)\n");
        for (String m : more) yaml.append("  ").append(m).append('\n');
        return ScheduleSet.parse(yaml.toString());
    }

    private static List<String> lossAndAccuracy(Run r) {
        return r.trace().stream().map(l -> l.substring(0, l.indexOf(",lr="))).toList();
    }

    @Test
    void zeroDropoutSmoothingAndAugmentation_trainBitForBitAsThePlainMlp() {
        Run plain = run(Model.MLP, set(), 2);
        Run zeros = run(Model.MLP, set("dropout: linear(0, 0, steps=5)", "label_smoothing: constant(0)", "augment: constant(0)"), 2);
        assertThat(zeros.parameters()).isEqualTo(plain.parameters());
        assertThat(lossAndAccuracy(zeros)).isEqualTo(lossAndAccuracy(plain));
        assertThat(zeros.trace().getFirst()).contains("dropout=0.0", "label_smoothing=0.0", "augment=0.0");
        Run dropping = run(Model.MLP, set("dropout: constant(0.3)"), 1);
        assertThat(dropping.parameters()).as("a non-zero rate changes training").isNotEqualTo(plain.parameters());
    }

    @Test
    void bnMomentumAtPytorchsDefault_trainsBitForBitAsTheUnscheduledCnn() {
        Run plain = run(Model.CNN, set(), 1);
        Run fixed = run(Model.CNN, set("bn_momentum: linear(0.1, 0.1, steps=5)"), 1);
        assertThat(fixed.parameters()).isEqualTo(plain.parameters());
        Run other = run(Model.CNN, set("bn_momentum: constant(0.5)"), 1);
        assertThat(other.parameters()).as("the running statistics follow the momentum").isNotEqualTo(plain.parameters());
    }

    @Test
    void everyNameScheduled_resumedFromACheckpoint_traceAndParametersEqualTheUninterruptedRun() {
        ScheduleSet all = set("dropout: rescale(counter(lr), min=0.1, max=0.4)", "label_smoothing: cosine(0.2, steps=12)",
                "bn_momentum: rescale(counter(lr), min=0.05, max=0.3)", "augment: rescale(counter(lr), min=0.2, max=0.8)",
                "weight_decay: shift(rescale(lr, min=0, max=0.001), 2)");
        Run whole = run(Model.CNN, all, 2);
        Checkpoint checkpoint = Checkpoint.in(dir);
        List<String> trace = new ArrayList<>();
        try (Training first = new Training(Model.CNN, AnnealOptimizer.builder(Method.MOMENTUM, all).build(), 40, 3)) {
            first.epoch(train, 0, s -> trace.add(line(s)));
            checkpoint.save(first, "s", 1, 2, List.of());
        }
        byte[] resumed;
        try (Training second = new Training(Model.CNN, AnnealOptimizer.builder(Method.MOMENTUM, all).build(), 40, 3)) {
            assertThat(checkpoint.load(second, "s").epochs()).isEqualTo(1);
            second.epoch(train, 1, s -> trace.add(line(s)));
            resumed = second.snapshot();
        }
        assertThat(String.join("\n", trace)).isEqualTo(String.join("\n", whole.trace()));
        assertThat(resumed).isEqualTo(whole.parameters());
        assertThat(whole.trace().get(3)).contains("dropout=", "label_smoothing=", "bn_momentum=", "augment=", "weight_decay=");
    }

    @Test
    void valueOutOfRange_stopsWithKeyPathAndStep() {
        assertThatThrownBy(() -> run(Model.MLP, set("dropout: linear(0.5, 1.5, steps=6)"), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("groups.default.dropout (1.0")
                .hasMessageEndingWith(") must be in [0, 1) (step 3)");
        assertThatThrownBy(() -> run(Model.MLP, set("label_smoothing: linear(0, -1, steps=4)"), 1))
                .hasMessageStartingWith("groups.default.label_smoothing (-0.25) must be in [0, 1] (step 1)");
        assertThatThrownBy(() -> run(Model.CNN, set("bn_momentum: constant(1.5)"), 1))
                .hasMessage("groups.default.bn_momentum (1.5) must be in [0, 1] (step 0)");
    }

    @Test
    void dropoutPerGroup_eachLayerReadsTheGroupOfTheLayerBeforeIt() {
        ScheduleSet groups = ScheduleSet.parse("""
                defaults:
                  lr: constant(0.01)
                groups:
                  head:
                    dropout: constant(0.5)
                  body:
                    dropout: constant(0.2)
                """);
        AnnealOptimizer sgd = AnnealOptimizer.builder(Method.SGD, groups).claim("head", "03Linear_*").claim("body", "*").build();
        try (Training t = new Training(Model.MLP, sgd, 40, 3)) {
            List<Double> rates = new ArrayList<>();
            walk(t.block(), rates);
            assertThat(rates).containsExactly(0.2, 0.5);
        }
        assertThatThrownBy(() -> new Regularization(ScheduleSet.parse("""
                groups:
                  a: {lr: 0.1, augment: 0.2}
                  b: {lr: 0.1, augment: 0.3}
                """), p -> "a", 1))
                .hasMessageContaining("groups.b.augment (").hasMessageContaining("define it once under defaults");
    }

    private static void walk(ai.djl.nn.Block block, List<Double> rates) {
        if (block instanceof ScheduledDropout d) rates.add(d.rate().at(0));
        block.getChildren().values().forEach(b -> walk(b, rates));
    }
}
