package dev.anneal.control;

/**
 * A closed-loop scheduler: its value after k steps depends on the first k metrics it was fed (PyTorch's
 * ReduceLROnPlateau). Unlike a {@link dev.anneal.schedule.Schedule} it has state; {@link #trace} replays it.
 */
public interface MetricDriven {

    /** {@code values[k]} is the value after feeding {@code metrics[0 … k−1]}; the result has metrics.length + 1 entries. */
    double[] trace(double[] metrics);
}
