package dev.anneal.analysis;

import dev.anneal.schedule.Schedule;

/**
 * Decoupled weight decay (AdamW, PyTorch: θ ← θ·(1 − ηₜλ)) over a horizon: the total shrinkage Π(1 − ηₜλ), and
 * λpost, the decay that gives the same shrinkage when decay is off during the first {@code warmup} steps:
 * Π_{t≥w}(1 − ηₜλpost) = Π_t(1 − ηₜλ), solved by safeguarded Newton on Σ log(1 − ηₜx).
 * {@code firstNonPositive} is the first step whose factor 1 − ηₜλ ≤ 0 (the weights flip sign), or −1.
 */
public record Decay(double weightDecay, long warmup, double shrinkage, long firstNonPositive, double postWarmup) {

    public static Decay of(Schedule schedule, long steps, double weightDecay, long warmup) {
        Neumaier log = new Neumaier();
        double product = 1;
        long bad = -1;
        for (long t = 0; t < steps; t++) {
            double decay = Rates.at(schedule, t) * weightDecay;
            if (decay >= 1 && bad < 0) bad = t;
            // Logs while every factor is positive (no underflow over long horizons), a plain product after.
            if (bad < 0) log.add(Math.log1p(-decay));
            else product *= 1 - decay;
        }
        double shrinkage = Math.exp(log.value()) * product;
        double post = bad < 0 && warmup < steps ? solvePost(schedule, steps, weightDecay, warmup, log.value()) : Double.NaN;
        return new Decay(weightDecay, warmup, shrinkage, bad, post);
    }

    /** x with g(x) = Σ_{t≥w} log(1 − ηₜx) − target = 0; g is concave and decreasing on [0, 1/max η). */
    private static double solvePost(Schedule s, long steps, double lambda, long w, double target) {
        if (w == 0) return lambda;
        double maxEta = 0;
        for (long t = w; t < steps; t++) maxEta = Math.max(maxEta, Rates.at(s, t));
        if (maxEta <= 0) return Double.NaN;
        double lo = lambda, hi = 1 / maxEta, x = lambda;
        for (int i = 0; i < 200; i++) {
            Neumaier g = new Neumaier(), slope = new Neumaier();
            for (long t = w; t < steps; t++) {
                double eta = Rates.at(s, t);
                g.add(Math.log1p(-eta * x));
                slope.add(-eta / (1 - eta * x));
            }
            double value = g.value() - target;
            if (value >= 0) lo = x;
            else hi = x;
            double next = x - value / slope.value();
            if (!(next > lo && next < hi)) next = (lo + hi) / 2;
            if (Math.abs(next - x) <= 1e-14 * x) return next;
            x = next;
        }
        return x;
    }
}
