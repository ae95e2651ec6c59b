package dev.anneal.bench.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import dev.anneal.djl.Training;

import java.util.List;

/** DJL's own {@code optimizer} as {@link Training}'s update rule: its per-parameter {@code update}, once a mini-batch. */
record DjlUpdater(Optimizer optimizer) implements Training.Updater {
    @Override
    public void update(List<Parameter> parameters) {
        for (Parameter p : parameters) {
            if (!p.requiresGradient()) continue;
            // not in an NDScope: DJL's optimizer creates its state arrays inside update. Its PyTorch update kernels (Adam, SGD, ...) zero the gradient.
            try (NDArray grad = p.getArray().getGradient()) {
                optimizer.update(p.getId(), p.getArray(), grad);
            }
        }
    }
}
