package dev.anneal.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Batch normalization over axis 1 (channels, or features) whose running-statistics momentum is read at the
 * training step; otherwise DJL's {@link BatchNorm} (same parameters, initialization and kernel).
 *
 * <p>Convention: {@code bn_momentum} is PyTorch's momentum, which is the seed's β: the weight of the batch's
 * statistics, {@code running ← (1 − β)·running + β·batch} (the variance unbiased), 0.1 by default. DJL's
 * builder takes the opposite (MXNet's) convention, the weight of the old running value; {@link #djlMomentum} is
 * the one place that converts.
 */
public final class ScheduledBatchNorm extends AbstractBlock {
    static final float EPSILON = 1e-5f;

    private final StepClock clock;
    private final ScheduledValue momentum;
    private final Parameter gamma, beta, runningMean, runningVar;

    public ScheduledBatchNorm(StepClock clock, ScheduledValue momentum) {
        super((byte) 1);
        this.clock = clock;
        this.momentum = momentum;
        gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA).optRequiresGrad(true).build());
        beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA).optRequiresGrad(true).build());
        runningMean = addParameter(Parameter.builder().setName("runningMean").setType(Parameter.Type.RUNNING_MEAN).optRequiresGrad(false).build());
        runningVar = addParameter(Parameter.builder().setName("runningVar").setType(Parameter.Type.RUNNING_VAR).optRequiresGrad(false).build());
    }

    /** DJL's momentum (weight of the old running value) for a bn_momentum β (weight of the batch): 1 − β. */
    public static float djlMomentum(double beta) {
        return (float) (1 - beta);
    }

    public ScheduledValue momentum() {
        return momentum;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        // DJL's momentum 1 is PyTorch's 0: measuring normalizes by the batch and leaves the running statistics alone
        float m = !training ? 0f : clock.measuring() ? 1f : djlMomentum(momentum.at(clock.step()));
        return BatchNorm.batchNorm(x,
                store.getValue(runningMean, x.getDevice(), training), store.getValue(runningVar, x.getDevice(), training),
                store.getValue(gamma, x.getDevice(), training), store.getValue(beta, x.getDevice(), training),
                1, m, EPSILON, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    public void prepare(Shape[] inputShapes) {
        Shape channels = new Shape(inputShapes[0].get(1));
        gamma.setShape(channels);
        beta.setShape(channels);
        runningMean.setShape(channels);
        runningVar.setShape(channels);
    }
}
