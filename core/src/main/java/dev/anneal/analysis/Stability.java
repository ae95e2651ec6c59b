package dev.anneal.analysis;

import dev.anneal.optimizer.Dynamics;
import dev.anneal.optimizer.Roots;
import dev.anneal.schedule.Schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The schedule against the curvature λ over a horizon: the steps where h = scale·ηₜ·λ leaves [0, h*) (unstable:
 * a root of the characteristic polynomial on or outside the unit circle), {@code lastUnstable} (−1 if none), the largest spectral radius, the
 * smallest damping ratio ζ and the largest effective rate. {@code scale} is the hidden factor K of gradient
 * accumulation in sum mode (1 otherwise).
 */
public record Stability(Dynamics optimizer, double lambda, double scale, double limit, double maxH, long maxHStep,
                        List<StepRun> unstable, long unstableSteps, long lastUnstable, double maxRadius, long maxRadiusStep,
                        double minDamping, long minDampingStep, List<Damping> dampingAlong, double maxEffectiveRate) {

    /** ζ at one step (NaN where the roots are not those of a damped oscillator). */
    public record Damping(long step, double zeta) {}

    /** At most this many runs are kept; {@code unstableSteps} counts them all. */
    static final int RUNS_KEPT = 8;

    public static Stability of(Schedule schedule, long steps, Dynamics optimizer, double lambda, double scale) {
        double maxH = Double.NEGATIVE_INFINITY, maxRadius = 0, minDamping = Double.POSITIVE_INFINITY, maxEff = Double.NEGATIVE_INFINITY;
        long maxHStep = 0, maxRadiusStep = 0, minDampingStep = -1, count = 0, runStart = -1, last = -1;
        List<StepRun> runs = new ArrayList<>();
        for (long t = 0; t < steps; t++) {
            double eta = scale * Rates.at(schedule, t), h = eta * lambda;
            if (h > maxH) { maxH = h; maxHStep = t; }
            maxEff = Math.max(maxEff, optimizer.effectiveRate(eta));
            boolean stable = h >= 0 && h < optimizer.limit(eta);
            if (!stable) {
                count++;
                last = t;
                if (runStart < 0) runStart = t;
            } else if (runStart >= 0) {
                if (runs.size() < RUNS_KEPT) runs.add(new StepRun(runStart, t - 1));
                runStart = -1;
            }
            if (h > 0) {
                Roots r = optimizer.roots(h, eta);
                if (r.spectralRadius() > maxRadius) { maxRadius = r.spectralRadius(); maxRadiusStep = t; }
                double zeta = r.dampingRatio();
                if (zeta < minDamping) { minDamping = zeta; minDampingStep = t; }
            }
        }
        if (runStart >= 0 && runs.size() < RUNS_KEPT) runs.add(new StepRun(runStart, steps - 1));
        List<Damping> along = new ArrayList<>();
        for (long t : new TreeSet<>(List.of(0L, steps / 4, steps / 2, 3 * steps / 4, steps - 1))) {
            double eta = scale * Rates.at(schedule, t), h = eta * lambda;
            along.add(new Damping(t, h > 0 ? optimizer.roots(h, eta).dampingRatio() : Double.NaN)); // h = 0: a root at 1, nothing oscillates
        }
        // The limit at the peak rate: the smallest one where decoupled weight decay lowers it as η grows.
        double limit = optimizer.limit(maxH / lambda);
        return new Stability(optimizer, lambda, scale, limit, maxH, maxHStep, List.copyOf(runs), count, last, maxRadius,
                maxRadiusStep, minDampingStep < 0 ? Double.NaN : minDamping, minDampingStep, List.copyOf(along), maxEff);
    }

    public boolean stable() {
        return unstableSteps == 0;
    }

    /** The largest stable rate: h* / (scale·λ). */
    public double rateLimit() {
        return limit / (scale * lambda);
    }
}
