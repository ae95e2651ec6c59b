package dev.anneal.lab.studies;

import dev.anneal.lab.Curve;
import dev.anneal.lab.Evidence;
import dev.anneal.lab.Figure;
import dev.anneal.lab.Mode;
import dev.anneal.lab.Previous;
import dev.anneal.lab.Rule;
import dev.anneal.lab.Study;
import dev.anneal.lab.Trial;
import dev.anneal.lab.Verdict;
import dev.anneal.lab.task.Quadratic;
import dev.anneal.lab.train.Descent;
import dev.anneal.lab.train.Optimizers;
import dev.anneal.numeric.Peeling;
import dev.anneal.schedule.Schedule;

import java.util.Optional;
import java.util.SplittableRandom;

/** S12: exponential peeling recovers both rates of e^(−λP·t) − e^(−λD·t), and separates the time scales of a loss curve. */
public final class S12Peeling implements Study {
    static final double NOISE = 0.002;
    static final String SLOW = "|λP estimate/λP − 1| (decay chain)";
    static final String FAST = "|λD estimate/λD − 1| (decay chain)";
    static final String LOSS_SLOW = "|slow rate/theory − 1| (GD loss curve)";
    static final String LOSS_FAST = "|fast rate/theory − 1| (GD loss curve)";

    @Override public String id() { return "S12"; }
    @Override public String title() { return "Exponential peeling of two time scales"; }
    @Override public String source() { return "000"; }
    @Override public Evidence evidence() { return Evidence.SIMULATION; }
    @Override public Optional<Previous> previous() { return Optional.of(new Previous(Verdict.REPRODUCED, "kind now stated: a formula checked against simulated curves")); }

    @Override
    public String claim() {
        return "Exponential peeling: a two-exponential curve e^(−λP t) − e^(−λD t) with noise; fit the late slope, subtract, fit the "
                + "early part; recover λP and λD. Apply it to a loss curve to separate time scales.";
    }

    @Override
    public String setup(Mode mode) {
        return "Decay chain: λP uniform in [0.05, 0.1], λD = r·λP with r uniform in [5, 10], y(t) = e^(−λP·t) − e^(−λD·t) + N(0, "
                + NOISE + "²) at 321 times evenly spaced in [0, 8/λP]. Peeling with the core's dev.anneal.numeric.Peeling: slow fit from 3·t_peak on, "
                + "fast fit before t_peak (t_peak, the curve's observed maximum); points after the first that falls below 5 noise levels are left out. Loss curve: full-batch GD at η = 0.5 on ½(λ₁x₁² + λ₂x₂²) with "
                + "λ₁ uniform in [0.5, 1], λ₂ = λ₁/q with q uniform in [5, 10], start (1, 1), " + mode.pick(400, 200) + " steps; theory: "
                + "the loss falls as the sum of two exponentials with rates −2·ln|1 − η·λᵢ|.";
    }

    @Override
    public String metric() {
        return "relative errors of the recovered rates (tolerance 0.1 for the noisy chain's slow rate, 0.2 for its fast rate, 0.01 on "
                + "the noiseless loss curve).";
    }

    @Override
    public Rule rule() {
        return Rule.all(Rule.below(SLOW, 0.1), Rule.below(FAST, 0.2), Rule.below(LOSS_SLOW, 0.01), Rule.below(LOSS_FAST, 0.01));
    }

    @Override
    public Figure figure() {
        return Figure.linear("Decay chain (seed-averaged data, times in units of 1/λP)", "λP·t", "y");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double lp = 0.05 + 0.05 * rng.nextDouble(), ld = lp * (5 + 5 * rng.nextDouble());
        int n = 321;
        double[] t = new double[n], y = new double[n], clean = new double[n];
        int peak = 0;
        for (int i = 0; i < n; i++) {
            t[i] = 8 / lp * i / (n - 1);
            clean[i] = Math.exp(-lp * t[i]) - Math.exp(-ld * t[i]);
            y[i] = clean[i] + NOISE * rng.nextGaussian();
            if (y[i] > y[peak]) peak = i;
        }
        // fit only what stands above the noise: up to the first point after the peak below 5 noise levels
        int last = peak;
        while (last < n - 1 && y[last + 1] > 5 * NOISE) last++;
        Peeling chain = Peeling.peel(java.util.Arrays.copyOf(t, last + 1), java.util.Arrays.copyOf(y, last + 1), 0, t[peak], 3 * t[peak], 0.95);
        Trial trial = new Trial().metric(SLOW, Math.abs(chain.slow().rate().estimate() / lp - 1))
                .metric(FAST, Math.abs(chain.fast().rate().estimate() / ld - 1));

        double l1 = 0.5 + 0.5 * rng.nextDouble(), l2 = l1 / (5 + 5 * rng.nextDouble()), eta = 0.5;
        Quadratic q = new Quadratic(new double[] {l1, l2});
        int steps = mode.pick(400, 200);
        double[] loss = Descent.run(new float[] {1, 1}, (p, g, s) -> q.gradient(p, g), q::loss, Schedule.constant(eta), Optimizers::sgd, steps, 1);
        double[] time = new double[loss.length];
        for (int i = 0; i < time.length; i++) time[i] = i;
        double fastRate = -2 * Math.log(Math.abs(1 - eta * l1)), slowRate = -2 * Math.log(Math.abs(1 - eta * l2));
        // the fast mode is below the slow one's 1e-6 after 14/fastRate steps; the fast fit uses the first 3/fastRate
        Peeling curve = Peeling.peel(time, loss, 0, Math.max(3, 3 / fastRate), Math.max(14 / fastRate, 4), 0.95);
        trial.metric(LOSS_SLOW, Math.abs(curve.slow().rate().estimate() / slowRate - 1))
                .metric(LOSS_FAST, Math.abs(curve.fast().rate().estimate() / fastRate - 1));

        double[] scaled = new double[n], fitted = new double[n];
        for (int i = 0; i < n; i++) {
            scaled[i] = lp * t[i];
            fitted[i] = chain.at(t[i], 0);
        }
        return trial.curve("data", new Curve(scaled, y).thin(200)).curve("peeled fit", new Curve(scaled, fitted).thin(200));
    }
}
