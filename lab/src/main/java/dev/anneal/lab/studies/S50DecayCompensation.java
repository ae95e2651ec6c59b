package dev.anneal.lab.studies;

import dev.anneal.analysis.Decay;
import dev.anneal.lab.Curve;
import dev.anneal.lab.Evidence;
import dev.anneal.lab.Figure;
import dev.anneal.lab.Mode;
import dev.anneal.lab.Rule;
import dev.anneal.lab.Study;
import dev.anneal.lab.Trial;
import dev.anneal.lab.task.LinearRegression;
import dev.anneal.lab.train.Scheduled;
import dev.anneal.optimizer.Method;
import dev.anneal.schedule.Schedule;
import dev.anneal.spec.Spec;

import java.util.SplittableRandom;

/**
 * S50: AdamW's decay acts as ηₜ·λ. Formula: core's analysis solves λpost so that decay off during warmup and λpost
 * after gives the shrinkage Π(1 − ηₜλ). Simulation: optim's AdamW with weight_decay scheduled in the set, on zero
 * gradients (where the update is pure decay) and in training.
 */
public final class S50DecayCompensation implements Study {
    static final double LR = 0.01, LAMBDA = 0.1, TOLERANCE = 1e-4;
    static final int DIM = 10;

    @Override public String id() { return "S50"; }
    @Override public String title() { return "AdamW under warmup: compensating decay λpost"; }
    @Override public Evidence evidence() { return Evidence.EXPERIMENT; }
    @Override public String source() { return "004"; }

    @Override
    public String claim() {
        return "AdamW: decay acts as ηt·λ, so warmup weakens it early; disabling decay during warmup and using λpost afterwards gives the same total "
                + "shrinkage at T (derive λpost, check).";
    }

    static int steps(Mode mode) {
        return mode.pick(2000, 600);
    }

    static String lr(int steps) {
        int w = warm(steps);
        return "warmup(" + w + ", cosine(" + LR + ", steps=" + (steps - w) + "))";
    }

    static int warm(int steps) {
        return steps / 5;
    }

    @Override
    public String setup(Mode mode) {
        int t = steps(mode), w = warm(t);
        return "optim's AdamW, lr = " + lr(t) + ", " + t + " steps. Arms (weight_decay scheduled in the set): λ = " + LAMBDA + " throughout; off for "
                + w + " steps then λpost (core's Decay: Π_{t≥w}(1 − ηₜλpost) = Π_t(1 − ηₜλ)); off then λ (uncompensated). Simulation 1: a "
                + DIM + "-vector of ones with zero gradients (AdamW's step is then pure decay); tolerance " + TOLERANCE + " on the shrinkage ratio. "
                + "Simulation 2: linear regression (200 samples, " + DIM + " features, noise 0.5, minibatch 8) from w₀ ~ N(0, 1).";
    }

    @Override
    public String metric() {
        return "|p_T(λpost arm) / p_T(λ arm) − 1| on zero gradients; in training, |‖w_T‖ / ‖w_T(λ throughout)‖ − 1| for the compensated and the "
                + "uncompensated arms (lower is closer to the same total shrinkage).";
    }

    @Override
    public Rule rule() {
        return Rule.all(Rule.part("λpost against optim's AdamW on zero gradients", Evidence.SIMULATION, Rule.below("zero gradient: |shrinkage ratio − 1|", TOLERANCE)),
                Rule.part("λpost in training", Evidence.EXPERIMENT,
                        Rule.lower("training, λpost: |norm ratio − 1|", "training, λ after warmup: |norm ratio − 1|")));
    }

    @Override
    public Figure figure() {
        return Figure.linear("Weight norm in training relative to the λ-throughout arm (mean over seeds)", "step", "‖w‖ / ‖w(λ throughout)‖");
    }

    @Override
    public Trial run(Mode mode, long seed) {
        int steps = steps(mode), w = warm(steps);
        Schedule rate = Spec.parse(lr(steps), steps);
        double post = Decay.of(rate, steps, LAMBDA, w).postWarmup();
        String off = "linear(0, 0, steps=" + w + ") then constant(";
        String[] decay = {"constant(" + LAMBDA + ")", off + post + ")", off + LAMBDA + ")"};
        float[] zeros = new float[DIM];
        double[] ends = new double[3];
        for (int a = 0; a < 3; a++) {
            float[] p = Curves.floats(DIM, 1);
            Scheduled opt = new Scheduled(Method.ADAMW, Scheduled.set(steps, "lr", lr(steps), "weight_decay", decay[a]), p);
            for (int t = 0; t < steps; t++) opt.step(zeros.clone());
            ends[a] = p[0];
        }
        Trial trial = new Trial().metric("zero gradient: |shrinkage ratio − 1|", Math.abs(ends[1] / ends[0] - 1));
        SplittableRandom rng = new SplittableRandom(seed);
        LinearRegression task = LinearRegression.synthetic(200, Curves.filled(DIM, 1), 0.5, rng);
        float[] w0 = new float[DIM];
        for (int i = 0; i < DIM; i++) w0[i] = (float) rng.nextGaussian();
        double[][] norms = new double[3][steps / 10 + 1];
        for (int a = 0; a < 3; a++) {
            float[] p = w0.clone(), g = new float[DIM];
            Scheduled opt = new Scheduled(Method.ADAMW, Scheduled.set(steps, "lr", lr(steps), "weight_decay", decay[a]), p);
            SplittableRandom batches = new SplittableRandom(seed + 1);
            norms[a][0] = norm(p);
            for (int t = 0; t < steps; t++) {
                task.batchGradient(p, g, 8, batches);
                opt.step(g);
                if ((t + 1) % 10 == 0) norms[a][(t + 1) / 10] = norm(p);
            }
        }
        int last = norms[0].length - 1;
        trial.metric("training, λpost: |norm ratio − 1|", Math.abs(norms[1][last] / norms[0][last] - 1))
                .metric("training, λ after warmup: |norm ratio − 1|", Math.abs(norms[2][last] / norms[0][last] - 1))
                .metric("λpost / λ", post / LAMBDA);
        String[] labels = {"λ throughout", "off, then λpost", "off, then λ"};
        for (int a = 0; a < 3; a++) {
            double[] r = new double[norms[a].length];
            for (int i = 0; i < r.length; i++) r[i] = norms[a][i] / norms[0][i];
            trial.curve(labels[a], new Curve(Curves.grid(r.length, 10), r));
        }
        return trial;
    }

    private static double norm(float[] p) {
        double s = 0;
        for (float v : p) s += v * v;
        return Math.sqrt(s);
    }
}
