package dev.anneal.djl;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import dev.anneal.optim.OptimizerState;
import dev.anneal.control.Decision;
import dev.anneal.optim.curvature.Hvp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.DoubleUnaryOperator;

/**
 * A network, its optimizer and the loop that trains it on images: shuffled mini-batches, softmax cross-entropy,
 * one {@link AnnealOptimizer#step} per batch, and optionally a {@link Control} that observes each update and sets
 * the next one's lr. The order of each epoch depends only on the seed and the epoch, so a run resumed from a
 * checkpoint sees the same batches as an uninterrupted one. The network's regularizers (dropout, label smoothing,
 * BatchNorm momentum, augmentation) read the optimizer's schedule set at the step ({@link Regularization}); their
 * random draws depend on the seed, the epoch and the batch, so a resumed run draws the same.
 */
public final class Training implements AutoCloseable {
    private static final int EVAL_BATCH = 1000;
    private static final Object ENGINE_SEED = new Object(); // the engine's generator is global: one initialization at a time

    /**
     * Another update rule in place of Anneal's optimizer (a benchmark's baseline, say): applies one update to the
     * parameters after each backward pass, and zeroes or drops their gradients.
     */
    public interface Updater {
        void update(List<Parameter> parameters);
    }

    /** Called after each optimizer update; return false to stop the epoch early. */
    public interface Listener {
        boolean onStep(Step step);
    }

    private final Model model;
    private final int batch;
    private final long seed;
    private final Engine engine;
    private final NDManager manager;
    private final Block block;
    private ParameterStore store;
    private final List<Parameter> parameters;
    private final Loss loss = Loss.softmaxCrossEntropyLoss(); // evaluation and curvature: the unsmoothed loss
    private final Regularization regularization;
    private final LabelSmoothingLoss trainingLoss;
    private final Augmentation augmentation;
    private AnnealOptimizer optimizer;
    private Control<?> control;
    private Consumer<Decision> decisions = d -> {};
    private final Updater baseline; // another update rule in place of Anneal's optimizer, else null
    private long baselineSteps;
    private long batchNanos, optimizerNanos, batchCount;

    /** Wall time spent so far in forward and backward passes (data included), and in the optimizer, over {@code batches}. */
    public record Timing(long batches, long batchNanos, long optimizerNanos) {}

    /** A freshly initialized {@code model} (initialization drawn from the engine's seed) trained by {@code optimizer}. */
    public Training(Model model, AnnealOptimizer optimizer, int batch, long seed) {
        this(model, optimizer, null, batch, seed);
    }

    /**
     * {@code model} trained in this same loop by {@code updater} (one update per mini-batch) instead of Anneal's
     * optimizer. Such a run has no checkpoints and its steps carry no hyperparameters.
     */
    public static Training withUpdater(Model model, Updater updater, int batch, long seed) {
        if (updater == null) throw new IllegalArgumentException("updater (null) must be given");
        return new Training(model, null, updater, batch, seed);
    }

    private Training(Model model, AnnealOptimizer optimizer, Updater baseline, int batch, long seed) {
        if (batch < 1) throw new IllegalArgumentException("batch (" + batch + ") must be >= 1");
        this.model = model;
        this.optimizer = optimizer;
        this.baseline = baseline;
        this.batch = batch;
        this.seed = seed;
        this.engine = Engine.getEngine("PyTorch");
        this.manager = engine.newBaseManager();
        this.regularization = optimizer == null ? Regularization.none(seed) : new Regularization(optimizer.schedules(), optimizer::groupClaiming, seed);
        this.trainingLoss = regularization.loss();
        this.augmentation = regularization.augmentation();
        this.block = model.build(regularization);
        synchronized (ENGINE_SEED) {
            engine.setRandomSeed((int) seed);
            block.initialize(manager, DataType.FLOAT32, model.inputShape(batch));
        }
        this.parameters = block.getParameters().values();
        requireGradients();
        this.store = new ParameterStore(manager, false);
        if (optimizer != null) optimizer.assign(parameters()); // each parameter to its schedule-set group, by path
    }

    public Model model() {
        return model;
    }

    public AnnealOptimizer optimizer() {
        return optimizer;
    }

    /** The network. */
    public Block block() {
        return block;
    }

    /** What the network's regularizers read, and their clock. */
    public Regularization regularization() {
        return regularization;
    }

    public Timing timing() {
        return new Timing(batchCount, batchNanos, optimizerNanos);
    }

    /**
     * Attaches a controller, before the first update (or before loading a checkpoint, which restores its state): it
     * observes every update and gives the next its rate; each of its decisions goes to {@code decisions}.
     */
    public void control(Control<?> control, Consumer<Decision> decisions) {
        control.rateAt(optimizer.step()); // fails now, not at the first update, when the two disagree on the step
        this.control = control;
        this.decisions = decisions;
    }

    /** Replaces the optimizer (the LR range test runs its own sweep); returns the previous one. */
    AnnealOptimizer swap(AnnealOptimizer other) {
        AnnealOptimizer previous = optimizer;
        optimizer = other;
        return previous;
    }

    /** Optimizer updates in one epoch over {@code images} images: ⌈⌈images / batch⌉ / accumulate⌉. */
    public static long stepsPerEpoch(int images, int batch, int accumulate) {
        long batches = (images + (long) batch - 1) / batch;
        return (batches + accumulate - 1) / accumulate;
    }

    /** One pass over {@code images} in the epoch's shuffled order; stops early when the listener says so. */
    public void epoch(Images images, int epoch, Listener listener) {
        int[] order = order(images.size(), epoch);
        float[] x = new float[batch * FashionMnist.PIXELS];
        long[] y = new long[batch];
        double lossSum = 0, correct = 0;
        int seen = 0, batches = 0;
        for (int start = 0; start < order.length; start += batch) {
            int n = Math.min(batch, order.length - start);
            for (int i = 0; i < n; i++) {
                images.copyScaled(order[start + i], x, i * FashionMnist.PIXELS);
                y[i] = images.label(order[start + i]);
            }
            long t0 = System.nanoTime();
            regularization.clock().set(step(), (long) epoch << 32 | start);
            augmentation.apply(x, n);
            double[] lossAndCorrect = forwardBackward(x, y, n);
            long t1 = System.nanoTime();
            lossSum += lossAndCorrect[0];
            correct += lossAndCorrect[1];
            seen += n;
            batches++;
            long applying = step();
            boolean last = start + batch >= order.length;
            boolean updated = update(last);
            batchNanos += t1 - t0;
            optimizerNanos += System.nanoTime() - t1;
            batchCount++;
            if (!updated) continue;
            Step done = baseline == null
                    ? new Step(applying, epoch, lossSum / batches, correct / seen, optimizer.lastHyperparameters(), optimizer.lastVerdict(), optimizer.gradientState())
                    : new Step(applying, epoch, lossSum / batches, correct / seen, Map.of(), null, null);
            if (control != null) control.afterUpdate(this, applying).ifPresent(decisions);
            lossSum = correct = 0;
            seen = batches = 0;
            if (!listener.onStep(done)) return;
        }
    }

    /** The mean loss and the number of correct predictions of one micro-batch, after its backward pass. */
    private double[] forwardBackward(float[] x, long[] y, int n) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray input = manager.create(n == batch ? x : java.util.Arrays.copyOf(x, n * FashionMnist.PIXELS), model.inputShape(n));
            NDArray labels = manager.create(n == batch ? y : java.util.Arrays.copyOf(y, n));
            NDArray logits, value;
            try (GradientCollector collector = engine.newGradientCollector()) {
                logits = block.forward(store, new NDList(input), true).singletonOrThrow();
                value = trainingLoss.evaluate(new NDList(labels), new NDList(logits));
                float scale = baseline == null ? optimizer.lossScale() : 1f; // the pipeline divides the gradients by it again
                collector.backward(scale == 1f ? value : value.mul(scale));
            }
            double mean = value.getFloat();
            if (!Double.isFinite(mean)) {
                throw new Diverged("loss is " + mean + " at step " + step()
                        + ": training stopped before the update (lower the learning rate)");
            }
            long correct = logits.argMax(1).eq(labels).countNonzero().getLong();
            return new double[] {mean, correct};
        }
    }

    /** The mean softmax cross-entropy over {@code images}, in evaluation mode (a validation loss). */
    public double loss(Images images) {
        return loss(images, false);
    }

    /**
     * The mean softmax cross-entropy over {@code images}; with {@code batchStatistics}, BatchNorm normalizes each
     * batch of {@value #EVAL_BATCH} by its own statistics (as in training, the running ones left unchanged, no
     * dropout) instead of the running ones: the gap between the two is BatchNorm's train/test mismatch.
     */
    public double loss(Images images, boolean batchStatistics) {
        regularization.clock().measuring(batchStatistics);
        try {
            return evaluationLoss(images, batchStatistics);
        } finally {
            regularization.clock().measuring(false);
        }
    }

    private double evaluationLoss(Images images, boolean training) {
        double sum = 0;
        float[] x = new float[EVAL_BATCH * FashionMnist.PIXELS];
        long[] y = new long[EVAL_BATCH];
        for (int start = 0; start < images.size(); start += EVAL_BATCH) {
            int n = Math.min(EVAL_BATCH, images.size() - start);
            for (int i = 0; i < n; i++) {
                images.copyScaled(start + i, x, i * FashionMnist.PIXELS);
                y[i] = images.label(start + i);
            }
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                NDArray input = manager.create(java.util.Arrays.copyOf(x, n * FashionMnist.PIXELS), model.inputShape(n));
                NDArray logits = block.forward(store, new NDList(input), training).singletonOrThrow();
                sum += loss.evaluate(new NDList(manager.create(java.util.Arrays.copyOf(y, n))), new NDList(logits)).getFloat() * (double) n;
            }
        }
        return sum / images.size();
    }

    /**
     * Hessian–vector products of the training loss on {@code batch} over every trained parameter, at the
     * parameters' values when the first product is taken ({@link ParameterHvp}); nothing is computed before.
     */
    public Hvp hessian(Images batch) {
        List<NDArray> arrays = new ArrayList<>();
        long size = 0;
        for (Parameter p : parameters) {
            if (!p.requiresGradient()) continue;
            arrays.add(p.getArray());
            size += p.getArray().size();
        }
        Hvp[] products = new Hvp[1]; // built at the first product: a controller asks at every step, uses it at a refresh
        return Hvp.of(Math.toIntExact(size), v -> {
            if (products[0] == null) products[0] = lossHvp(arrays, batch);
            return products[0].apply(v);
        });
    }

    /** {@link ParameterHvp} of the training loss on {@code batch} at the arrays' current values. */
    private Hvp lossHvp(List<NDArray> arrays, Images batch) {
        float[] x = new float[batch.size() * FashionMnist.PIXELS];
        long[] y = new long[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            batch.copyScaled(i, x, i * FashionMnist.PIXELS);
            y[i] = batch.label(i);
        }
        return ParameterHvp.of(engine, arrays, () -> loss.evaluate(new NDList(manager.create(y)),
                block.forward(store, new NDList(manager.create(x, model.inputShape(batch.size()))), true)));
    }

    private long step() {
        return baseline == null ? optimizer.step() : baselineSteps;
    }

    /** Applies the update after a backward pass; false while Anneal's optimizer accumulates micro-batches. */
    private boolean update(boolean lastBatch) {
        if (baseline == null) {
            DoubleUnaryOperator rate = control == null ? DoubleUnaryOperator.identity() : control.rateAt(optimizer.step());
            return optimizer.step(parameters, rate) || lastBatch && optimizer.flush(parameters, rate);
        }
        baseline.update(parameters);
        baselineSteps++;
        return true;
    }

    /** The fraction of {@code images} whose most probable class is their label. */
    public double accuracy(Images images) {
        return images.accuracy(predictions(probabilities(images)));
    }

    /** Class probabilities (softmax), image by image: {@code [image * 10 + class]}. */
    public float[] probabilities(Images images) {
        float[] out = new float[images.size() * FashionMnist.CLASSES];
        float[] x = new float[EVAL_BATCH * FashionMnist.PIXELS];
        for (int start = 0; start < images.size(); start += EVAL_BATCH) {
            int n = Math.min(EVAL_BATCH, images.size() - start);
            for (int i = 0; i < n; i++) images.copyScaled(start + i, x, i * FashionMnist.PIXELS);
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                NDArray input = manager.create(java.util.Arrays.copyOf(x, n * FashionMnist.PIXELS), model.inputShape(n));
                float[] p = block.forward(store, new NDList(input), false).singletonOrThrow().softmax(1).toFloatArray();
                System.arraycopy(p, 0, out, start * FashionMnist.CLASSES, p.length);
            }
        }
        return out;
    }

    /** The most probable class of each image. */
    public static int[] predictions(float[] probabilities) {
        int[] classes = new int[probabilities.length / FashionMnist.CLASSES];
        for (int i = 0; i < classes.length; i++) {
            int best = 0;
            for (int c = 1; c < FashionMnist.CLASSES; c++) {
                if (probabilities[i * FashionMnist.CLASSES + c] > probabilities[i * FashionMnist.CLASSES + best]) best = c;
            }
            classes[i] = best;
        }
        return classes;
    }

    // ---- parameters, snapshots and checkpoints -----------------------------------------------------------------

    /** The network's parameters, by their path in the block. */
    public Map<String, Parameter> parameters() {
        return block.getParameters().toMap();
    }

    /** A copy of the network's parameters. */
    public byte[] snapshot() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            block.saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Puts back parameters from {@link #snapshot()}. */
    public void restore(byte[] snapshot) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
            readParameters(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The optimizer's state in optim's format, over this network's parameters. */
    public OptimizerState optimizerState() {
        return optimizer.state(parameters());
    }

    /** The controller's state as JSON, or null without a controller. */
    public String controllerState() {
        return control == null ? null : control.save();
    }

    /**
     * Puts back a checkpoint's parts: network, optimizer state, and the controller's state (null when it had none);
     * the controller attached now must be of the kind that was saved.
     */
    public void restore(byte[] network, OptimizerState state, String controllerState) {
        requireControllerState(controllerState != null);
        restore(network);
        optimizer.restore(state, parameters());
        if (control != null) control.restore(controllerState);
    }

    /** Checks that a checkpoint with ({@code saved}) or without a controller's state fits this run's controller, or its lack of one. */
    public void requireControllerState(boolean saved) {
        if (saved != (control != null)) {
            throw new IllegalArgumentException(saved ? "it holds a controller's state, and this run has no controller"
                    : "it holds no controller state, and this run has the " + control.name() + " controller");
        }
    }

    private void readParameters(DataInputStream in) throws IOException {
        try {
            block.loadParameters(manager, in);
        } catch (MalformedModelException e) {
            throw new IOException("not a " + model.key() + " network: " + e.getMessage(), e);
        }
        requireGradients();
        store = new ParameterStore(manager, false); // the old store holds the replaced arrays
    }

    private void requireGradients() {
        for (Parameter p : parameters) if (p.requiresGradient()) p.getArray().setRequiresGradient(true);
    }

    private int[] order(int n, int epoch) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Random random = new Random(seed * 1_000_003L + epoch);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    @Override
    public void close() {
        manager.close();
    }
}
