package dev.anneal.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.SplittableRandom;

/**
 * Inverted dropout whose rate p is read at the training step: in training each activation is zeroed with
 * probability p and the rest scaled by 1/(1 − p); in evaluation, and whenever p = 0, the input passes unchanged
 * (nothing is drawn, so a rate of 0 trains exactly as a network without the layer). The mask comes from the
 * clock's draw, the seed and this layer's number, not from the engine's generator, so a resumed run draws the same.
 */
public final class ScheduledDropout extends AbstractBlock {
    private final StepClock clock;
    private final ScheduledValue rate;
    private final long seed;
    private final int layer;

    /** {@code rate} read at {@code clock}'s step; {@code layer} tells this layer's masks from others' of the same draw. */
    public ScheduledDropout(StepClock clock, ScheduledValue rate, long seed, int layer) {
        super((byte) 1);
        this.clock = clock;
        this.rate = rate;
        this.seed = seed;
        this.layer = layer;
    }

    public ScheduledValue rate() {
        return rate;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        if (!training || clock.measuring()) return inputs;
        double p = rate.at(clock.step());
        if (p == 0) return inputs;
        NDArray x = inputs.singletonOrThrow();
        float[] mask = new float[Math.toIntExact(x.size())];
        float keep = (float) (1 / (1 - p));
        SplittableRandom random = new SplittableRandom(clock.seed(seed, layer));
        for (int i = 0; i < mask.length; i++) mask[i] = random.nextDouble() < p ? 0f : keep;
        return new NDList(x.mul(x.getManager().create(mask, x.getShape())));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
