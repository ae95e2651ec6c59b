package dev.anneal.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import dev.anneal.optim.ScheduleSet;
import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Spec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The scheduled blocks against DJL's own and against hand computations. */
class RegularizerBlocksTest {
    static NDManager manager;

    @BeforeAll
    static void engine() {
        Engines.pytorch(1, 1);
        manager = NDManager.newBaseManager("PyTorch");
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    private static float[] randoms(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (r.nextGaussian() * 2 + 1);
        return x;
    }

    @Test
    void batchNorm_atAFixedMomentum_equalsDjlsBatchNormBitForBit() {
        StepClock clock = new StepClock();
        Block ours = new ScheduledBatchNorm(clock, ScheduledValue.fixed("bn_momentum", 0.1));
        Block djl = BatchNorm.builder().build(); // momentum 0.9 in DJL's convention: PyTorch's 0.1
        Shape shape = new Shape(6, 3, 4, 4);
        ours.initialize(manager, DataType.FLOAT32, shape);
        djl.initialize(manager, DataType.FLOAT32, shape);
        ParameterStore store = new ParameterStore(manager, false);
        for (int step = 0; step < 3; step++) {
            clock.set(step, step);
            NDArray x = manager.create(randoms(6 * 3 * 16, step), shape);
            float[] a = ours.forward(store, new NDList(x), true).singletonOrThrow().toFloatArray();
            float[] b = djl.forward(store, new NDList(x), true).singletonOrThrow().toFloatArray();
            assertThat(a).isEqualTo(b);
        }
        assertThat(ours.getParameters().get("runningMean").getArray().toFloatArray())
                .isEqualTo(djl.getParameters().get("runningMean").getArray().toFloatArray());
        assertThat(ours.getParameters().get("runningVar").getArray().toFloatArray())
                .isEqualTo(djl.getParameters().get("runningVar").getArray().toFloatArray());
        float[] eval = ours.forward(store, new NDList(manager.create(randoms(6 * 3 * 16, 9), shape)), false).singletonOrThrow().toFloatArray();
        float[] evalDjl = djl.forward(store, new NDList(manager.create(randoms(6 * 3 * 16, 9), shape)), false).singletonOrThrow().toFloatArray();
        assertThat(eval).isEqualTo(evalDjl);
    }

    @Test
    void batchNorm_runningStatistics_followTheScheduledMomentaByHand() {
        StepClock clock = new StepClock();
        Schedule beta = Spec.parse("linear(0.1, 0.7, steps=3)", 3); // 0.1, 0.3, 0.5 at steps 0, 1, 2
        Block bn = new ScheduledBatchNorm(clock, ScheduledValue.of("bn_momentum", beta));
        int n = 5, channels = 2;
        Shape shape = new Shape(n, channels);
        bn.initialize(manager, DataType.FLOAT32, shape);
        ParameterStore store = new ParameterStore(manager, false);
        double[] mean = {0, 0}, var = {1, 1};
        for (int step = 0; step < 3; step++) {
            clock.set(step, step);
            float[] x = randoms(n * channels, 100 + step);
            bn.forward(store, new NDList(manager.create(x, shape)), true);
            double b = beta.at(step);
            for (int c = 0; c < channels; c++) {
                double m = 0, v = 0;
                for (int i = 0; i < n; i++) m += x[i * channels + c] / (double) n;
                for (int i = 0; i < n; i++) v += Math.pow(x[i * channels + c] - m, 2) / (n - 1); // unbiased, as PyTorch
                mean[c] = (1 - b) * mean[c] + b * m;
                var[c] = (1 - b) * var[c] + b * v;
            }
        }
        float[] runningMean = bn.getParameters().get("runningMean").getArray().toFloatArray();
        float[] runningVar = bn.getParameters().get("runningVar").getArray().toFloatArray();
        for (int c = 0; c < channels; c++) {
            assertThat((double) runningMean[c]).isCloseTo(mean[c], within(1e-5 * (1 + Math.abs(mean[c]))));
            assertThat((double) runningVar[c]).isCloseTo(var[c], within(1e-5 * (1 + var[c])));
        }
        assertThat(ScheduledBatchNorm.djlMomentum(0.1)).isEqualTo(0.9f);
    }

    @Test
    void labelSmoothedCrossEntropy_matchesAHandComputation_andIsDjlsAtAlphaZero() {
        StepClock clock = new StepClock();
        float[] logits = {2.0f, -1.0f, 0.5f, 0.0f, -0.3f, 1.2f, 0.7f, -2.0f, 0.1f, 0.1f, 3.0f, -0.5f};
        long[] labels = {0, 2, 1};
        int k = 4;
        NDList y = new NDList(manager.create(labels)), z = new NDList(manager.create(logits, new Shape(3, k)));
        Schedule alpha = Spec.parse("linear(0, 0.3, steps=2)", 2); // 0, 0.15, 0.3
        LabelSmoothingLoss loss = new LabelSmoothingLoss(clock, ScheduledValue.of("label_smoothing", alpha));
        for (int step = 0; step < 3; step++) {
            clock.set(step, 0);
            double a = alpha.at(step), expected = 0;
            for (int i = 0; i < 3; i++) {
                double max = Double.NEGATIVE_INFINITY, sum = 0;
                for (int c = 0; c < k; c++) max = Math.max(max, logits[i * k + c]);
                for (int c = 0; c < k; c++) sum += Math.exp(logits[i * k + c] - max);
                for (int c = 0; c < k; c++) {
                    double logp = logits[i * k + c] - max - Math.log(sum), q = (c == labels[i] ? 1 - a : 0) + a / k;
                    expected -= q * logp / 3;
                }
            }
            assertThat((double) loss.evaluate(y, z).getFloat()).as("α = %s", a).isCloseTo(expected, within(1e-6));
        }
        clock.set(0, 0);
        assertThat(loss.evaluate(y, z).getFloat()).isEqualTo(Loss.softmaxCrossEntropyLoss().evaluate(y, z).getFloat());
    }

    @Test
    void dropout_zeroesAboutPAndScalesTheRest_sameMaskForTheSameDraw() {
        StepClock clock = new StepClock();
        ScheduledDropout dropout = new ScheduledDropout(clock, ScheduledValue.fixed("dropout", 0.25), 7, 1);
        dropout.initialize(manager, DataType.FLOAT32, new Shape(100, 100));
        ParameterStore store = new ParameterStore(manager, false);
        NDArray ones = manager.ones(new Shape(100, 100));
        clock.set(4, 11);
        float[] a = dropout.forward(store, new NDList(ones), true).singletonOrThrow().toFloatArray();
        float[] again = dropout.forward(store, new NDList(ones), true).singletonOrThrow().toFloatArray();
        clock.set(4, 12);
        float[] other = dropout.forward(store, new NDList(ones), true).singletonOrThrow().toFloatArray();
        int zeros = 0;
        for (float v : a) {
            assertThat(v).isIn(0f, (float) (1 / 0.75));
            if (v == 0) zeros++;
        }
        assertThat(zeros / 10_000.0).isCloseTo(0.25, within(0.02)); // 4.6 standard deviations
        assertThat(again).isEqualTo(a);
        assertThat(other).isNotEqualTo(a);
        assertThat(dropout.forward(store, new NDList(ones), false).singletonOrThrow().toFloatArray()).containsOnly(1f);
    }

    @Test
    void augmentation_zeroStrengthLeavesPixels_fullStrengthStaysInRangeAndRepeatsForTheSameDraw() {
        StepClock clock = new StepClock();
        Images images = FashionMnist.train(FashionMnist.DEBIAN_DIR, 4);
        float[] pixels = new float[4 * FashionMnist.PIXELS];
        for (int i = 0; i < 4; i++) images.copyScaled(i, pixels, i * FashionMnist.PIXELS);
        float[] none = pixels.clone(), full = pixels.clone(), fullAgain = pixels.clone();
        new Augmentation(clock, ScheduledValue.fixed("augment", 0), 5).apply(none, 4);
        assertThat(none).isEqualTo(pixels);
        Augmentation strong = new Augmentation(clock, ScheduledValue.fixed("augment", 1), 5);
        clock.set(3, 8);
        strong.apply(full, 4);
        strong.apply(fullAgain, 4);
        assertThat(fullAgain).isEqualTo(full);
        assertThat(full).isNotEqualTo(pixels);
        for (float v : full) assertThat(v).isBetween(0f, 1f);
    }

    @Test
    void augmentation_translationOnly_movesTheImageByAtMostSK() {
        // s = 0.5: shifts up to 2 pixels; with erasing and noise drawn too, compare centres of mass of a single bright pixel
        float[] image = new float[FashionMnist.PIXELS];
        image[14 * 28 + 14] = 1;
        for (long seed = 0; seed < 50; seed++) {
            float[] x = image.clone(), scratch = new float[FashionMnist.PIXELS];
            Augmentation.apply(0.5, x, 0, scratch, new SplittableRandom(seed));
            int best = 0;
            for (int i = 1; i < x.length; i++) if (x[i] > x[best]) best = i;
            if (x[best] < 0.5) continue; // erased
            assertThat(Math.abs(best / 28 - 14)).isLessThanOrEqualTo(2);
            assertThat(Math.abs(best % 28 - 14)).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void docsExample_ownNetworkReadsTheSet_atTheClocksStep() {
        // docs/coscheduling.md, "In your own DJL model"
        long steps = 1000, seed = 7;
        ScheduleSet set = ScheduleSet.parse("""
                defaults:
                  lr: cyclic(0.005, 0.05, up=12.5%)
                  augment: rescale(counter(lr), min=0, max=0.6)
                  bn_momentum: rescale(counter(lr), min=0.02, max=0.3)
                  dropout: rescale(counter(lr), min=0.05, max=0.3)
                """, b -> b.total(steps));
        StepClock clock = new StepClock();
        SequentialBlock net = new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(5, 5)).setFilters(8).build())
                .add(new ScheduledBatchNorm(clock, ScheduledValue.of(set, "default", "bn_momentum")))
                .add(Activation.reluBlock())
                .add(Blocks.batchFlattenBlock())
                .add(new ScheduledDropout(clock, ScheduledValue.of(set, "default", "dropout"), seed, 1))
                .add(Linear.builder().setUnits(10).build());
        Loss loss = new LabelSmoothingLoss(clock, ScheduledValue.of("label_smoothing", Spec.parse("cosine(0.2, 100%)", steps)));
        Augmentation augment = new Augmentation(clock, ScheduledValue.of(set, "default", "augment"), seed);

        net.initialize(manager, DataType.FLOAT32, new Shape(4, 1, 28, 28));
        ParameterStore store = new ParameterStore(manager, false);
        clock.set(125, 0); // the lr's peak: no augmentation, dropout 0.05, β 0.02, α = cos(π/8)·0.1 + 0.1
        NDArray images = augment.transform(manager.ones(new Shape(4, 1, 28, 28)).mul(0.5));
        NDArray logits = net.forward(store, new NDList(images), true).singletonOrThrow();
        float value = loss.evaluate(new NDList(manager.create(new long[] {0, 1, 2, 3})), new NDList(logits)).getFloat();
        assertThat(images.toFloatArray()).containsOnly(0.5f);
        assertThat(value).isFinite().isPositive();
        assertThat(ScheduledValue.of(set, "default", "bn_momentum").at(125)).isCloseTo(0.02, within(1e-12));
    }
}
