package dev.anneal.bench.train;

/**
 * One timed training run of {@code anneal bench train}: images per second over the whole run, and per mini-batch
 * the milliseconds of the forward and backward pass and of the optimizer step; the test accuracy afterwards.
 */
record TrainRun(double imagesPerSecond, double forwardBackwardMs, double optimizerMs, double testAccuracy) {

    /** One mini-batch's step: forward, backward and optimizer. */
    double stepMs() {
        return forwardBackwardMs + optimizerMs;
    }
}
