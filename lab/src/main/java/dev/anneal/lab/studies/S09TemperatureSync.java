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
import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Spec;

import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * S09: with τₜ = τ0·e^(−λt) the logits s/τ give gradients ∂L/∂s = (p − y)/τ; a step LR with factor s = e^(−λΔ) every Δ
 * steps keeps η/τ at every drop equal to η0/τ0.
 */
public final class S09TemperatureSync implements Study {
    static final String SYNCED = "max relative drift of η/τ at drops, s = e^(−λΔ)";
    static final String HALF = "max relative drift of η/τ at drops, s = e^(−λΔ/2)";
    static final String GRADIENT = "max |τ·‖∂L/∂s‖ / ‖p − y‖ − 1| (InfoNCE gradient scale 1/τ)";
    static final String STEP = "max relative drift of the measured SGD step ‖Δs‖/‖p − y‖ at drops, s = e^(−λΔ)";
    static final String STEP_HALF = "max relative drift of the measured SGD step ‖Δs‖/‖p − y‖ at drops, s = e^(−λΔ/2)";

    @Override public String id() { return "S09"; }
    @Override public String title() { return "Contrastive temperature and a matched step LR"; }
    @Override public String source() { return "000"; }
    @Override public Evidence evidence() { return Evidence.SIMULATION; }
    @Override public Optional<Previous> previous() { return Optional.of(new Previous(Verdict.REPRODUCED, "a simulation part was added: the SGD step under the temperature schedule, with a finite-difference gradient, is measured at every drop")); }

    @Override
    public String claim() {
        return "Contrastive temperature τt = τ0·e^(−λt) scales gradients by 1/τt; a step LR with factor s = e^(−λΔ) every Δ steps "
                + "keeps the effective gradient scale η/τ constant at each drop.";
    }

    @Override
    public String setup(Mode mode) {
        return "Per seed: τ0 uniform in [0.05, 0.5], Δ uniform in 100…1000 steps, λ such that τ falls by a factor uniform in [2, 20] "
                + "over the drops, η0 = 0.1; τ is the core "
                + "schedule exponential(τ0, gamma=e^(−λ)), the LR step(η0, every=Δ, gamma=s). η/τ is read at the drops t = kΔ over "
                + mode.pick(20, 5) + " drops. The gradient check uses a softmax over 16 similarities s = τ·u (u ~ N(0, 1)) with one positive, at τ(kΔ).";
    }

    @Override
    public String metric() {
        return "relative deviation of η(kΔ)/τ(kΔ) from η0/τ0 (formula: 0 for s = e^(−λΔ); tolerance 1e-9), the same for a mismatched "
                + "factor, the deviation of the InfoNCE gradient scale (by central differences, h = 1e-5·τ) from 1/τ (tolerance 1e-5), and the simulation: "
                + "the size of one SGD step η·∇L on the similarities (∇L by central differences) per unit ‖p − y‖, read at every drop, against "
                + "η0/τ0 (tolerance 1e-4; the mismatched factor must drift by more than 1%). The first part is arithmetic (an identity); the "
                + "other two do not use the formula.";
    }

    @Override
    public Rule rule() {
        return Rule.all(Rule.part("η/τ of the two schedules (arithmetic)", Evidence.IDENTITY, Rule.all(Rule.below(SYNCED, 1e-9), Rule.above(HALF, 0.01))),
                Rule.part("gradient scale 1/τ by finite differences", Evidence.SIMULATION, Rule.below(GRADIENT, 1e-5)),
                Rule.part("measured SGD step under the temperature schedule", Evidence.SIMULATION,
                        Rule.all(Rule.below(STEP, 1e-4), Rule.above(STEP_HALF, 0.01))));
    }

    @Override
    public Figure figure() {
        return Figure.linear("η(t)/τ(t) with the matched step LR, relative to η0/τ0 (mean over seeds)", "fraction of the run", "(η/τ)/(η0/τ0)");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int drops = mode.pick(20, 5);
        long delta = 100 + rng.nextInt(901);
        double tau0 = 0.05 + 0.45 * rng.nextDouble(), eta0 = 0.1;
        double lambda = Math.log(2 + 18 * rng.nextDouble()) / (delta * drops);
        Schedule tau = Spec.parse(String.format(Locale.ROOT, "exponential(%s, gamma=%s)", tau0, Math.exp(-lambda)));
        Schedule synced = Spec.parse(String.format(Locale.ROOT, "step(%s, every=%d, gamma=%s)", eta0, delta, Math.exp(-lambda * delta)));
        Schedule half = Spec.parse(String.format(Locale.ROOT, "step(%s, every=%d, gamma=%s)", eta0, delta, Math.exp(-lambda * delta / 2)));
        double drift = 0, driftHalf = 0, gradient = 0, step = 0, stepHalf = 0;
        double[] s0 = new double[16];
        for (int j = 0; j < s0.length; j++) s0[j] = rng.nextGaussian();
        for (int k = 1; k <= drops; k++) {
            long t = k * delta;
            drift = Math.max(drift, Math.abs(synced.at(t) / tau.at(t) / (eta0 / tau0) - 1));
            driftHalf = Math.max(driftHalf, Math.abs(half.at(t) / tau.at(t) / (eta0 / tau0) - 1));
            gradient = Math.max(gradient, gradientScaleError(tau.at(t), rng));
            // one SGD step on the similarities at the schedules' values, the gradient by central differences (no closed form)
            step = Math.max(step, Math.abs(measuredStep(s0, tau.at(t), synced.at(t)) / (eta0 / tau0) - 1));
            stepHalf = Math.max(stepHalf, Math.abs(measuredStep(s0, tau.at(t), half.at(t)) / (eta0 / tau0) - 1));
        }
        double[] x = new double[200], y = new double[200];
        for (int i = 0; i < x.length; i++) {
            x[i] = i * (double) delta * drops / x.length;
            y[i] = synced.at((long) x[i]) / tau.at((long) x[i]) / (eta0 / tau0);
        }
        double[] xs = new double[x.length];
        for (int i = 0; i < x.length; i++) xs[i] = i / (double) x.length;
        return new Trial().metric(SYNCED, drift).metric(HALF, driftHalf).metric(GRADIENT, gradient).metric(STEP, step).metric(STEP_HALF, stepHalf)
                .curve("matched step LR (time in units of the run)", new Curve(xs, y));
    }

    /** InfoNCE over similarities s = τ·u (u ~ N(0, 1): well-conditioned logits) with positive 0: L = −log softmax(s/τ)₀, ∂L/∂s = (p − e₀)/τ. */
    private static double gradientScaleError(double tau, SplittableRandom rng) {
        int n = 16;
        double[] s = new double[n], p = new double[n];
        double max = Double.NEGATIVE_INFINITY, z = 0;
        for (int j = 0; j < n; j++) {
            s[j] = tau * rng.nextGaussian();
            max = Math.max(max, s[j] / tau);
        }
        for (int j = 0; j < n; j++) z += Math.exp(s[j] / tau - max);
        double pyNorm = 0, gradNorm = 0, h = 1e-5 * tau;
        for (int j = 0; j < n; j++) {
            p[j] = Math.exp(s[j] / tau - max) / z;
            double r = p[j] - (j == 0 ? 1 : 0);
            pyNorm += r * r;
        }
        // the gradient by central differences of the loss, independent of the closed form
        for (int j = 0; j < n; j++) {
            double up = infoNce(s, j, h, tau), down = infoNce(s, j, -h, tau);
            double d = (up - down) / (2 * h);
            gradNorm += d * d;
        }
        return Math.abs(tau * Math.sqrt(gradNorm) / Math.sqrt(pyNorm) - 1);
    }

    /**
     * ‖Δs‖/‖p − y‖ for one SGD step s ← s − η·∇L on InfoNCE at temperature τ, from similarities τ·u (u fixed per seed, so
     * the logits s/τ are the same at every drop and only the scales change); ∇L by central differences of the loss.
     */
    private static double measuredStep(double[] u, double tau, double eta) {
        double[] s = new double[u.length];
        for (int j = 0; j < s.length; j++) s[j] = tau * u[j];
        double h = 1e-5 * tau, step = 0, residual = 0, max = Double.NEGATIVE_INFINITY, z = 0;
        for (int j = 0; j < s.length; j++) {
            double d = eta * (infoNce(s, j, h, tau) - infoNce(s, j, -h, tau)) / (2 * h);
            step += d * d;
            max = Math.max(max, u[j]);
        }
        for (double v : u) z += Math.exp(v - max);
        for (int j = 0; j < u.length; j++) {
            double r = Math.exp(u[j] - max) / z - (j == 0 ? 1 : 0);
            residual += r * r;
        }
        return Math.sqrt(step) / Math.sqrt(residual);
    }

    private static double infoNce(double[] s, int j, double h, double tau) {
        double max = Double.NEGATIVE_INFINITY, z = 0;
        for (int k = 0; k < s.length; k++) max = Math.max(max, (s[k] + (k == j ? h : 0)) / tau);
        for (int k = 0; k < s.length; k++) z += Math.exp((s[k] + (k == j ? h : 0)) / tau - max);
        return -((s[0] + (j == 0 ? h : 0)) / tau - max - Math.log(z));
    }
}
