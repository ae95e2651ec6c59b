package dev.anneal.lab.studies;

import dev.anneal.lab.Curve;
import dev.anneal.lab.Evidence;
import dev.anneal.lab.Figure;
import dev.anneal.lab.Mode;
import dev.anneal.lab.Rule;
import dev.anneal.lab.Study;
import dev.anneal.lab.Trial;
import dev.anneal.lab.train.Scheduled;
import dev.anneal.optimizer.Method;

import java.util.SplittableRandom;

/**
 * S57: fine-tuning with a source artifact, a gradient bias b·e^(−t/τ) along a direction the target barely constrains.
 * Each run is paired with the same run without the artifact, so the displacement it leaves is measured directly.
 */
public final class S57SourceArtifact implements Study {
    static final int DIM = 8, TAU = 50;
    static final double LR = 0.5, BIAS = 1, FLAT = 0.01, NOISE = 0.05;
    static final int[] WARMUPS = {0, TAU / 2, TAU, 2 * TAU, 4 * TAU};

    @Override public String id() { return "S57"; }
    @Override public Evidence evidence() { return Evidence.EXPERIMENT; }
    @Override public String source() { return "004"; }
    @Override public String title() { return "Transfer with a decaying source artifact: warmup length"; }

    @Override
    public String claim() {
        return "Transfer with a source artifact (a decaying gradient bias): longer warmup limits how much the artifact is amplified into the weights.";
    }

    static int steps(Mode mode) {
        return mode.pick(1500, 500);
    }

    @Override
    public String setup(Mode mode) {
        return "Fine-tuning loss ½·Σ λᵢ(xᵢ − x*ᵢ)² in " + DIM + " dimensions, λᵢ log-uniform in [0.1, 1] except one flat direction u (λ = " + FLAT
                + "·e^(N(0, 0.5²)), per seed), x₀ − x* ~ N(0, 1), "
                + "gradient noise N(0, " + NOISE + "²); the source artifact adds " + BIAS + "·e^(−t/" + TAU + ")·u to the gradient. optim's SGD, "
                + steps(mode) + " steps, lr = warmup(w, constant(" + LR + ")) for w ∈ {0, 25, 50, 100, 200}. Each run is repeated without the "
                + "artifact on the same noise: the difference of the two is what the artifact put into the weights.";
    }

    @Override
    public String metric() {
        return "artifact in the weights: the largest |x_u − x_u(no artifact)| over the run (lower is better); final excess loss, to show what "
                + "the warmup costs.";
    }

    @Override
    public Rule rule() {
        return Rule.all(Rule.lower("w = 50: artifact", "w = 0: artifact"), Rule.lower("w = 200: artifact", "w = 50: artifact"));
    }

    @Override
    public Figure figure() {
        return Figure.logX("Artifact along the flat direction, x_u − x_u(no artifact) (mean over seeds)", "step", "displacement");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        int steps = steps(mode);
        SplittableRandom rng = new SplittableRandom(seed);
        float[] start = new float[DIM];
        double[] curvature = new double[DIM];
        for (int i = 0; i < DIM; i++) {
            start[i] = (float) rng.nextGaussian();
            curvature[i] = i == 0 ? FLAT * Math.exp(rng.nextGaussian() * 0.5) : Math.pow(10, -rng.nextDouble());
        }
        Trial trial = new Trial();
        for (int w : WARMUPS) {
            double[][] paths = new double[2][];
            double finalLoss = 0;
            for (int a = 0; a < 2; a++) {
                float[] x = start.clone(), g = new float[DIM];
                String lr = w == 0 ? "constant(" + LR + ")" : "warmup(" + w + ", constant(" + LR + "))";
                Scheduled opt = new Scheduled(Method.SGD, Scheduled.set(steps, "lr", lr), x);
                SplittableRandom noise = new SplittableRandom(seed + 1);
                double[] path = new double[steps + 1];
                path[0] = x[0];
                for (int t = 0; t < steps; t++) {
                    for (int i = 0; i < DIM; i++) g[i] = (float) (curvature[i] * x[i] + NOISE * noise.nextGaussian());
                    if (a == 0) g[0] += (float) (BIAS * Math.exp(-t / (double) TAU));
                    opt.step(g);
                    path[t + 1] = x[0];
                }
                paths[a] = path;
                if (a == 0) for (int i = 0; i < DIM; i++) finalLoss += 0.5 * curvature[i] * x[i] * x[i];
            }
            double[] diff = new double[steps + 1];
            double peak = 0;
            for (int t = 0; t <= steps; t++) {
                diff[t] = paths[0][t] - paths[1][t];
                peak = Math.max(peak, Math.abs(diff[t]));
            }
            trial.metric("w = " + w + ": artifact", peak).metric("w = " + w + ": final loss", finalLoss);
            trial.curve("w = " + w, new Curve(Curves.grid(steps + 1, 1), diff));
        }
        return trial;
    }
}
