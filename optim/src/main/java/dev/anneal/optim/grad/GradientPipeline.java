package dev.anneal.optim.grad;

import dev.anneal.schedule.Checks;

import java.util.List;

/**
 * The stage between the backward pass and the update. For each step it takes the gradient blocks, as computed
 * from the loss multiplied by {@link #scale()}, and in place:
 * <ol>
 *   <li>with {@code fp16}, rounds every value to half precision (overflows become inf; both counted);</li>
 *   <li>unscales: multiplies by {@code 1/scale} rounded to float, as PyTorch's {@code unscale_} does;</li>
 *   <li>detects inf and NaN: if any value is not finite, the verdict is {@link Verdict.Skip} and the caller must
 *       leave parameters and optimizer state untouched;</li>
 *   <li>otherwise clips, and the verdict is {@link Verdict.Apply} with the norm before and after.</li>
 * </ol>
 * Then the loss scale is updated for the next step (see {@link LossScaling}); where backing off would take the
 * dynamic scale so low that 1/scale is not a finite float, the step throws {@link LossScaleUnderflow} instead, a
 * numerical fault that names the steps that caused it. The global norm is accumulated in
 * double precision over the unscaled values; a non-finite value makes it non-finite, which is how the fast path
 * detects one. Not thread-safe: one pipeline per optimizer.
 */
public final class GradientPipeline {
    private final GradConfig config;
    private GradState state;
    /** Consecutive steps with non-finite gradients, and the scale before the first of them (for the fault's message). */
    private long skippedInARow;
    private float scaleBeforeSkips;

    public GradientPipeline(GradConfig config) {
        this.config = config;
        this.state = GradState.initial(config.lossScaling());
    }

    public GradConfig config() {
        return config;
    }

    /** The loss scale for the next backward pass: multiply the loss by it. */
    public float scale() {
        return state.scale();
    }

    public GradState state() {
        return state;
    }

    /** Continues from a saved state (a checkpoint): the next step behaves as if it had never been interrupted. */
    public void restore(GradState saved) {
        switch (config.lossScaling()) {
            case LossScaling.Off off -> Checks.argument(saved.scale() == 1f,
                    "scale (" + saved.scale() + ") must be 1 when loss scaling is off");
            case LossScaling.Static f -> Checks.argument(saved.scale() == f.scale() && saved.growthTracker() == 0,
                    "scale (" + saved.scale() + ") must be the static scale " + f.scale());
            case LossScaling.Dynamic d -> Checks.argument(saved.growthTracker() < d.growthInterval(),
                    "growthTracker (" + saved.growthTracker() + ") must be < growthInterval (" + d.growthInterval() + ")");
        }
        state = saved;
        skippedInARow = 0;
    }

    /** Processes one step's gradients in place and says whether to apply the update. */
    public Verdict process(List<float[]> grads) {
        float scale = state.scale();
        float inv = (float) (1.0 / scale);
        long overflows = 0, underflows = 0;
        double sumSq = 0;
        for (float[] g : grads) {
            if (config.fp16()) {
                for (int i = 0; i < g.length; i++) {
                    float x = g[i], h = Half.round(x);
                    if (Half.overflowed(x, h)) overflows++;
                    if (Half.underflowed(x, h)) underflows++;
                    g[i] = h;
                }
            }
            sumSq += unscale(g, inv);
        }
        boolean finite = Double.isFinite(sumSq);
        double norm = Math.sqrt(sumSq);
        double normAfter = finite ? clip(grads, norm) : Double.NaN;
        boolean clipped = finite && !Double.isNaN(normAfter);
        GradState counted = state.counted(!finite, clipped, overflows, underflows);
        LossScaling.Dynamic dynamic = config.lossScaling() instanceof LossScaling.Dynamic d ? d : null;
        if (finite) {
            skippedInARow = 0;
            state = dynamic != null ? dynamic.next(counted, false) : counted;
            return new Verdict.Apply(norm, clipped ? normAfter : norm, clipped, scale, state.scale());
        }
        if (skippedInARow++ == 0) scaleBeforeSkips = scale;
        if (dynamic == null) {
            state = counted;
            return skip(grads, scale, scale);
        }
        float lowered = dynamic.backedOff(scale);
        // Past this 1/scale is inf and every later step would be skipped too (PyTorch's GradScaler goes on silently).
        if (!LossScaling.Dynamic.usable(lowered)) throw new LossScaleUnderflow(skippedInARow, scaleBeforeSkips, lowered, skip(grads, scale, lowered));
        state = dynamic.next(counted, true);
        return skip(grads, scale, state.scale());
    }

    /** Multiplies by {@code inv} (skipped when 1, as PyTorch does) and returns the sum of squares. */
    private static double unscale(float[] g, float inv) {
        double sumSq = 0;
        if (inv == 1f) {
            for (float x : g) sumSq += (double) x * x;
            return sumSq;
        }
        for (int i = 0; i < g.length; i++) {
            float x = g[i] * inv;
            g[i] = x;
            sumSq += (double) x * x;
        }
        return sumSq;
    }

    /** Clips in place; returns the norm afterwards, or NaN when clipping did not fire (nothing changed). */
    private double clip(List<float[]> grads, double norm) {
        return switch (config.clipping()) {
            case Clipping.None none -> Double.NaN;
            case Clipping.ByNorm c -> {
                double coef = c.maxNorm() / (norm + Clipping.ByNorm.EPSILON);
                if (!(coef < 1)) yield Double.NaN;
                float f = (float) coef;
                double sumSq = 0;
                for (float[] g : grads) {
                    for (int i = 0; i < g.length; i++) {
                        float x = g[i] * f;
                        g[i] = x;
                        sumSq += (double) x * x;
                    }
                }
                yield Math.sqrt(sumSq);
            }
            case Clipping.ByValue c -> {
                float hi = (float) c.limit(), lo = -hi;
                boolean changed = false;
                double sumSq = 0;
                for (float[] g : grads) {
                    for (int i = 0; i < g.length; i++) {
                        float x = g[i], y = Math.min(Math.max(x, lo), hi);
                        changed |= y != x;
                        g[i] = y;
                        sumSq += (double) y * y;
                    }
                }
                yield changed ? Math.sqrt(sumSq) : Double.NaN;
            }
        };
    }

    private static Verdict.Skip skip(List<float[]> grads, float scale, float nextScale) {
        long count = 0;
        int block = -1, index = -1;
        float value = 0;
        for (int b = 0; b < grads.size(); b++) {
            float[] g = grads.get(b);
            for (int i = 0; i < g.length; i++) {
                if (Float.isFinite(g[i])) continue;
                if (count++ == 0) {
                    block = b;
                    index = i;
                    value = g[i];
                }
            }
        }
        return new Verdict.Skip(count, block, index, value, scale, nextScale);
    }
}
