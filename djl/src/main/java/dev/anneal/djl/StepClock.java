package dev.anneal.djl;

/**
 * The training step that scheduled blocks read (DJL's {@code forward} carries no step), and the draw: which
 * micro-batch is being computed, so a block's random choices depend on the seed and the draw only, and a resumed
 * run draws the same masks and images as an uninterrupted one. The training loop sets both before each forward pass.
 */
public final class StepClock {
    private long step, draw;
    private boolean measuring;

    /** Sets the step whose values the next forward pass reads, and the draw (a micro-batch's unique number). */
    public void set(long step, long draw) {
        if (step < 0) throw new IllegalArgumentException("step (" + step + ") must be >= 0");
        this.step = step;
        this.draw = draw;
    }

    /**
     * While measuring, a forward pass in training mode computes BatchNorm's batch statistics but leaves the running
     * ones alone, and drops nothing: the network as training sees it, without training it.
     */
    public void measuring(boolean on) {
        measuring = on;
    }

    public boolean measuring() {
        return measuring;
    }

    public long step() {
        return step;
    }

    public long draw() {
        return draw;
    }

    /** A random seed for one use ({@code salt}: a layer, an image) of the current draw, well mixed (SplitMix64's finalizer). */
    long seed(long seed, long salt) {
        return mix(mix(mix(seed) ^ draw) ^ salt);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
